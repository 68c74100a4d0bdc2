"""The outreach section of a municipality page (registered in apps.py)."""

from dyzo.outreach.access import may_read_notes, visible_contacts
from dyzo.outreach.models import DeclineReason

RECENT_CONTACTS = 5


def outreach_section(request, municipality) -> dict | None:
    """Its latest contacts and its reasons for not cooperating, for Dyzo staff only."""
    user = request.user
    if not user.has_perm("outreach.view_contact"):
        return None
    contacts = visible_contacts(user).filter(municipality=municipality)
    reasons = DeclineReason.objects.visible_to(user).filter(municipality=municipality)
    return {
        "template": "outreach/_municipality_section.html",
        "municipality": municipality,
        "contacts": list(contacts.order_by("-happened_on", "-id")[:RECENT_CONTACTS]),
        "contact_count": contacts.count(),
        "reasons": list(reasons),
        "show_notes": may_read_notes(user),
    }
