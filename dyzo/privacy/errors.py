from django.utils.translation import gettext_lazy as _

from dyzo.utils.errors import DomainError


class ErasureRefused(DomainError):
    """The entrepreneur still has a dossier in progress."""

    def __init__(self, message=None):
        super().__init__(
            message
            or _("Close or cancel every dossier of this entrepreneur before erasing the data.")
        )
