"""The cooperation section of a municipality page (registered in apps.py): its form of
cooperation per year. The section loads as an htmx fragment, as it asks the rule once a year."""

from dyzo.insights.access import VIEW_REPORT


def cooperation_section(request, municipality) -> dict | None:
    if not request.user.has_perm(VIEW_REPORT):
        return None
    return {"template": "insights/_municipality_section.html", "municipality": municipality}
