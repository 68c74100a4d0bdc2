"""One loader per object type: 404 when the user may not see the object, 403 when they may
see it but not change it. Every view and API action goes through these."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.dossiers.models import AdviceEntry, Document, Dossier, Entrepreneur
from dyzo.dossiers.workflow import actor_kinds
from dyzo.utils.access import login_and_permission_required


def needs(permission: str):
    """A view decorator: the login page for anonymous users, 403 for a role that lacks
    `permission` altogether."""
    return login_and_permission_required(permission)


def _deny_unless(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def may_change_dossier(user, dossier) -> bool:
    return user.has_perm("dossiers.change_dossier") and bool(actor_kinds(dossier, user))


def get_dossier_for_user(user, pk, *, change: bool = False) -> Dossier:
    dossier = get_object_or_404(
        Dossier.objects.visible_to(user).select_related(
            "entrepreneur", "municipality", "referring_worker"
        ),
        pk=pk,
    )
    if change:
        _deny_unless(may_change_dossier(user, dossier))
    return dossier


def get_entrepreneur_for_user(user, pk, *, change: bool = False) -> Entrepreneur:
    entrepreneur = get_object_or_404(
        Entrepreneur.objects.visible_to(user).select_related("municipality"), pk=pk
    )
    if change:
        _deny_unless(user.has_perm("dossiers.change_entrepreneur"))
    return entrepreneur


def may_change_advice(user, entry) -> bool:
    if not user.has_perm("dossiers.change_adviceentry"):
        return False
    return user.is_coordinator or entry.handled_by_id == user.pk


def get_advice_for_user(user, pk, *, change: bool = False) -> AdviceEntry:
    entry = get_object_or_404(
        AdviceEntry.objects.visible_to(user).select_related(
            "municipality", "handled_by", "asked_by_user"
        ),
        pk=pk,
    )
    if change:
        _deny_unless(may_change_advice(user, entry))
    return entry


def get_document_for_user(user, pk) -> Document:
    return get_object_or_404(Document.objects.visible_to(user).select_related("dossier"), pk=pk)
