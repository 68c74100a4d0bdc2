class DomainError(Exception):
    """A business rule refused a change. The message is translatable and shown to the user;
    views turn it into a form error or message, the API into a 400 (a 409 for a subclass
    that sets `is_conflict`: the object changed since it was read)."""

    is_domain_error = True
    is_conflict = False
