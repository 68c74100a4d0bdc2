import dataclasses
import datetime

from django.http import Http404, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_GET

from dyzo.agreements.constants import AgreementParty
from dyzo.audit.reads import shows_no_personal_data
from dyzo.insights.access import can_view_cooperation_report
from dyzo.insights.charts import geojson_static_path
from dyzo.insights.classification import forms_through_the_years
from dyzo.insights.comparison import build_comparison
from dyzo.insights.constants import CATEGORY_COLOURS, FIRST_YEAR, Category, ReportFormat
from dyzo.insights.exports import CONTENT_TYPES, download_name, render_report
from dyzo.insights.forms import YearForm
from dyzo.insights.report import build_report
from dyzo.insights.tables import municipalities_table, report_tables
from dyzo.insights.years import data_of_years
from dyzo.localgov.access import get_municipality_for_user


def _figure_data(report: dict) -> dict:
    """What the page's script needs to draw the bar chart and the map."""
    categories = [
        {"code": c.value, "label": str(c.label), "colour": CATEGORY_COLOURS[c]} for c in Category
    ]
    return {
        "categories": categories,
        "provinces": report["provinces"],
        "municipalities": [
            {"nis_code": m["nis_code"], "name": m["name"], "category": m["category"]}
            for m in report["municipalities"]
        ],
    }


@shows_no_personal_data
@require_GET
@can_view_cooperation_report
def cooperation_report_pick(request):
    form = YearForm(request.GET or {"year": datetime.date.today().year})
    year = form.cleaned_data["year"] if form.is_valid() else FIRST_YEAR
    return redirect("insights:cooperation_report", year=year)


@shows_no_personal_data
@require_GET
@can_view_cooperation_report
def cooperation_report(request, year):
    report = build_report(year)
    context = {
        "report": report,
        "year": year,
        "year_form": YearForm(initial={"year": year}),
        "tables": [dataclasses.asdict(table) for table in report_tables(report)],
        "municipalities_table": dataclasses.asdict(municipalities_table(report)),
        "figure_data": _figure_data(report),
        "geojson_path": geojson_static_path(year),
        "formats": ReportFormat,
        "has_previous_year": year > FIRST_YEAR,
    }
    return render(request, "insights/cooperation_report.html", context)


@shows_no_personal_data
@require_GET
@can_view_cooperation_report
def cooperation_comparison(request, year):
    context = {"comparison": build_comparison(year), "categories": Category}
    return render(request, "insights/_comparison.html", context)


@shows_no_personal_data
@require_GET
@can_view_cooperation_report
def cooperation_download(request, year, fmt):
    if fmt not in ReportFormat.values:
        raise Http404("Unknown format.")
    content = render_report(build_report(year), fmt)
    response = HttpResponse(content, content_type=CONTENT_TYPES[fmt])
    response["Content-Disposition"] = f'attachment; filename="{download_name(year, fmt)}"'
    return response


@shows_no_personal_data
@require_GET
@can_view_cooperation_report
def municipality_forms(request, nis_code):
    """Fragment for the municipality page: its form of cooperation in every report year."""
    municipality = get_municipality_for_user(request.user, nis_code)
    years = range(FIRST_YEAR, datetime.date.today().year + 1)
    data = data_of_years(years)
    rows = [
        {
            "year": year,
            # Without the year's data, "none" only means "nothing recorded".
            "category": (
                None
                if form.category == Category.NONE and not data[year].available
                else Category(form.category).label
            ),
            "party": AgreementParty(form.agreement_party).label if form.agreement_party else "",
        }
        for year, form in reversed(forms_through_the_years(municipality, years))
    ]
    context = {"municipality": municipality, "rows": rows}
    return render(request, "insights/_municipality_forms.html", context)
