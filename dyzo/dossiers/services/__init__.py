"""State changes of the dossiers app, one function per change (see docs/dossiers.md)."""

from dyzo.dossiers.services.advice import log_advice, update_advice
from dyzo.dossiers.services.documents import upload_document
from dyzo.dossiers.services.entrepreneurs import create_entrepreneur, update_entrepreneur
from dyzo.dossiers.services.intake import basis_for, open_dossier
from dyzo.dossiers.services.team import add_team_member, record_activity, remove_team_member
from dyzo.dossiers.services.workflow import (
    cancel_dossier,
    close_dossier,
    move_dossier,
    record_transition,
    update_dossier,
)

__all__ = [
    "add_team_member",
    "basis_for",
    "cancel_dossier",
    "close_dossier",
    "create_entrepreneur",
    "log_advice",
    "move_dossier",
    "open_dossier",
    "record_activity",
    "record_transition",
    "remove_team_member",
    "update_advice",
    "update_dossier",
    "update_entrepreneur",
    "upload_document",
]
