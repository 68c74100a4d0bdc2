from dyzo.utils.errors import DomainError


class NotificationError(DomainError):
    pass
