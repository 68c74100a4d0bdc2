from dyzo.utils.errors import DomainError


class DossierError(DomainError):
    """A rule of the dossiers app refused a change."""


class TransitionNotAllowed(DossierError):
    pass


class DossierConflict(DossierError):
    """Someone else saved the dossier since the form was loaded (optimistic locking): a
    409 on the pages and in the API."""

    is_conflict = True


class InvalidDocument(DossierError):
    pass
