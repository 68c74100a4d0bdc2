"""The dossiers section of a municipality page (registered in apps.py)."""

from dyzo.audit.reads import shown
from dyzo.dossiers.models import AdviceEntry, Dossier


def dossiers_section(request, municipality) -> dict | None:
    """The municipality's dossiers and advice the user may see; hidden when there are none
    to show or the user may see no dossiers at all."""
    user = request.user
    if not user.has_perm("dossiers.view_dossier"):
        return None
    dossiers = (
        Dossier.objects.visible_to(user)
        .filter(municipality=municipality)
        .select_related("entrepreneur")
        .order_by("-id")[:20]
    )
    dossiers = list(dossiers)
    if dossiers:
        shown(request, dossiers)
    advice = AdviceEntry.objects.visible_to(user).logged().filter(municipality=municipality)
    return {
        "template": "dossiers/_municipality_section.html",
        "municipality": municipality,
        "dossiers": dossiers,
        "advice_count": advice.count(),
    }
