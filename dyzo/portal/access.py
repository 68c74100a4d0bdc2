"""Who may see what in the portal. A worker only ever reaches the municipalities whose
gemeente or OCMW they work for: anything else is a 404, by page and by API."""

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.localgov.models import Municipality
from dyzo.portal.models import HelpRequest


def for_municipal_workers(view):
    """Login required; then only municipal workers (everyone else has Dyzo's own pages)."""

    def wrapped(request, *args, **kwargs):
        if not request.user.is_municipal_worker:
            raise PermissionDenied
        return view(request, *args, **kwargs)

    wrapped.__name__ = view.__name__
    wrapped.__doc__ = view.__doc__
    return login_required(wrapped)


def get_own_municipality(user, nis_code: str) -> Municipality:
    """One of the user's own municipalities, else 404."""
    return get_object_or_404(
        Municipality.objects.select_related("province").filter(pk__in=user.municipality_ids()),
        nis_code=nis_code,
    )


def get_help_request_for_user(user, pk, *, handle: bool = False) -> HelpRequest:
    """The request if visible (404 otherwise); 403 when `handle` is asked by a user who may
    not take up or decline requests."""
    help_request = get_object_or_404(
        HelpRequest.objects.visible_to(user).select_related(
            "municipality", "submitted_by", "dossier", "handled_by"
        ),
        pk=pk,
    )
    if handle and not user.has_perm("portal.handle_helprequest"):
        raise PermissionDenied
    return help_request
