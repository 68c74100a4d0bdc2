from dyzo.utils.errors import DomainError


class OutreachError(DomainError):
    """A contact or decline reason that the rules refuse."""
