from dyzo.utils.errors import DomainError


class CooperationDataError(DomainError):
    """A rule about the cooperation data of the years refused a change."""
