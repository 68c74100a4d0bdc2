from dyzo.utils.errors import DomainError


class ReportError(DomainError):
    """A rule of the written report refused a change."""
