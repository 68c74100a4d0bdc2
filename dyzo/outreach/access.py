"""Who may see and change contacts and decline reasons. Contacts are internal to Dyzo:
municipal workers never see them; analysts see them without their notes."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.outreach.models import Contact, DeclineReason
from dyzo.utils.access import login_and_permission_required

can_view_contacts = login_and_permission_required("outreach.view_contact")
can_add_contacts = login_and_permission_required("outreach.add_contact")
can_view_reasons = login_and_permission_required("outreach.view_declinereason")


def may_read_notes(user) -> bool:
    return user.has_perm("outreach.view_contact_notes")


def visible_contacts(user):
    queryset = Contact.objects.visible_to(user).select_related(
        "municipality__province", "coordinator"
    )
    # Analysts may count and list contacts, but the notes stay with the coordinators.
    return queryset if may_read_notes(user) else queryset.defer("notes")


def get_contact_for_user(user, pk: int, *, change: bool = False) -> Contact:
    """404 when the user may not see the contact, 403 when they may see but not change it."""
    contact = get_object_or_404(visible_contacts(user), pk=pk)
    if change and not user.has_perm("outreach.change_contact"):
        raise PermissionDenied
    return contact


def get_decline_reason_for_user(user, pk: int, *, delete: bool = False) -> DeclineReason:
    queryset = DeclineReason.objects.visible_to(user).select_related("municipality")
    reason = get_object_or_404(queryset, pk=pk)
    if delete and not user.has_perm("outreach.delete_declinereason"):
        raise PermissionDenied
    return reason
