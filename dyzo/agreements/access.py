"""Who may see and change agreements and tariffs. Every view and the portal use these."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.agreements.models import Agreement, TariffSchedule
from dyzo.utils.access import login_and_permission_required

can_view_agreements = login_and_permission_required("agreements.view_agreement")
can_manage_agreements = login_and_permission_required("agreements.change_agreement")
can_add_agreements = login_and_permission_required("agreements.add_agreement")
can_view_tariffs = login_and_permission_required("agreements.view_tariffschedule")
can_manage_tariffs = login_and_permission_required("agreements.change_tariffschedule")


def visible_agreements(user):
    """The agreements `user` may see: all for Dyzo staff, their own for municipal workers."""
    return Agreement.objects.visible_to(user).select_related("municipality__province")


def get_agreement_for_user(user, pk: int, *, change: bool = False, sign: bool = False):
    """The agreement for `user`: 404 when they may not see it, 403 when they may see it but
    not make the change asked for (`change` the terms, `sign` or terminate it)."""
    agreement = get_object_or_404(visible_agreements(user), pk=pk)
    if change and not user.has_perm("agreements.change_agreement"):
        raise PermissionDenied
    if sign and not user.has_perm("agreements.sign_agreement"):
        raise PermissionDenied
    return agreement


def get_tariff_schedule_for_user(user, year: int, *, change: bool = False) -> TariffSchedule:
    if not user.has_perm("agreements.view_tariffschedule"):
        raise PermissionDenied
    schedule = get_object_or_404(TariffSchedule.objects.prefetch_related("brackets"), year=year)
    if change and not user.has_perm("agreements.change_tariffschedule"):
        raise PermissionDenied
    return schedule
