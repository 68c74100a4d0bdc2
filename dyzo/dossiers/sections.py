"""The dossiers section of a municipality page (registered in apps.py)."""

from dyzo.accounts.constants import Role
from dyzo.audit.reads import shown
from dyzo.dossiers.models import AdviceEntry, Dossier

TEMPLATE = "dossiers/_municipality_section.html"


def dossiers_section(request, municipality) -> dict | None:
    """The municipality's dossiers and advice the user may see; hidden when the user may see
    no dossiers at all. A municipal worker on another municipality's page is told that they
    may not see its dossiers, rather than shown "no dossiers"; an expert that only their own
    dossiers are listed."""
    user = request.user
    if not user.has_perm("dossiers.view_dossier"):
        return None
    if user.is_municipal_worker and municipality.pk not in user.area_ids():
        return {"template": TEMPLATE, "municipality": municipality, "not_theirs": True}
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
        "template": TEMPLATE,
        "municipality": municipality,
        "dossiers": dossiers,
        "only_own": user.role == Role.EXPERT,
        "advice_count": advice.count(),
    }
