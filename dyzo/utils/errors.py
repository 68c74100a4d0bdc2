class DomainError(Exception):
    """A business rule refused a change. The message is translatable and shown to the user;
    views turn it into a form error or message, the API into a 400."""

    is_domain_error = True
