from dyzo.utils.errors import DomainError


class HelpRequestError(DomainError):
    """A rule of the portal refused a help request or its handling."""
