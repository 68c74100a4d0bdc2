"""Impact report (page, PDF), first-line capability and the Flanders reach page: aggregates
only, counts below 5 hidden (docs/impact-report.md)."""

import datetime

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_safe

from dyzo.audit.reads import audits_read, shows_no_personal_data
from dyzo.knowledge.access import get_municipality_for_figures
from dyzo.knowledge.capability import capability_years
from dyzo.knowledge.figures import checked_year
from dyzo.knowledge.impact import impact_report
from dyzo.knowledge.pdf import impact_report_pdf
from dyzo.knowledge.reach import reach_of_year
from dyzo.localgov.models import Municipality
from dyzo.utils.access import login_and_permission_required


@shows_no_personal_data
@require_safe
@login_required
def impact_page(request, nis_code, year):
    municipality = get_municipality_for_figures(request.user, nis_code)
    report = impact_report(municipality, checked_year(year))
    return render(request, "knowledge/impact.html", {"report": report})


# Aggregates only, but every report download is logged (docs/audit.md); the path names
# the municipality and year.
@audits_read("impact_report.downloaded")
@require_safe
@login_required
def impact_pdf(request, nis_code, year):
    municipality = get_municipality_for_figures(request.user, nis_code)
    pdf = impact_report_pdf(municipality, checked_year(year))
    response = HttpResponse(pdf, content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="impact-{nis_code}-{year}.pdf"'
    return response


@shows_no_personal_data
@require_safe
@login_required
def capability_page(request, nis_code):
    municipality = get_municipality_for_figures(request.user, nis_code)
    context = {"municipality": municipality, "years": capability_years(municipality)}
    return render(request, "knowledge/capability.html", context)


@shows_no_personal_data
@require_safe
@login_and_permission_required("insights.view_cooperation_report")
def reach_page(request, year):
    return render(request, "knowledge/reach.html", {"reach": reach_of_year(checked_year(year))})


@shows_no_personal_data
@require_safe
@login_required
def impact_index(request):
    """Where a worker finds the impact reports of their own municipalities; readers of the
    cooperation report start from the reach page, which links every municipality."""
    year = datetime.date.today().year
    if request.user.has_perm("insights.view_cooperation_report"):
        return redirect("knowledge:reach", year=year)
    if not request.user.is_municipal_worker:
        raise PermissionDenied
    municipalities = Municipality.objects.filter(pk__in=request.user.municipality_ids())
    context = {"municipalities": municipalities.order_by("name"), "years": [year, year - 1]}
    return render(request, "knowledge/impact_index.html", context)
