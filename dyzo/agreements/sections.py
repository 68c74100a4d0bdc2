"""The agreements section of a municipality page (registered in apps.py)."""

from dyzo.agreements.models import Agreement


def agreements_section(request, municipality) -> dict | None:
    """Its agreements and those of the municipalities that merged into it. Hidden for users
    who may not see agreements, and for municipal workers on another municipality's page."""
    user = request.user
    if not user.has_perm("agreements.view_agreement"):
        return None
    if user.is_municipal_worker and municipality.pk not in user.area_ids():
        return None
    agreements = (
        Agreement.objects.visible_to(user)
        .of_lineage(municipality)
        .select_related("municipality")
        .order_by("-starts_on", "-id")
    )
    return {
        "template": "agreements/_municipality_section.html",
        "municipality": municipality,
        "agreements": list(agreements),
    }
