import datetime

from django.http import JsonResponse
from django.shortcuts import render

from dyzo.audit.reads import audits_read, shows_no_personal_data
from dyzo.localgov.access import can_view_registry, get_municipality_for_user
from dyzo.localgov.choices import municipalities_to_choose, search_choices
from dyzo.localgov.forms import MunicipalityFilterForm
from dyzo.localgov.models import Municipality
from dyzo.localgov.sections import municipality_sections
from dyzo.utils.pagination import keyset_page, sorting

# By NIS code (the default) or name, both ways; both columns are indexed.
REGISTRY_SORTS = {"nis_code": ["nis_code"], "name": ["name", "nis_code"]}


@shows_no_personal_data
@can_view_registry
def municipality_list(request):
    form = MunicipalityFilterForm(request.GET)
    # An invalid field is left out of cleaned_data (and shown as an error); the rest filters.
    form.is_valid()
    matching, year = form.filter(Municipality.objects.all())
    # The heading (also swapped by htmx) names the chosen year and how many match.
    total = matching.count()
    queryset = matching.select_related("province").with_population_counted_by(year)
    sort = sorting(request, REGISTRY_SORTS, default="nis_code")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"))
    template = (
        "localgov/_municipality_rows.html" if request.htmx else "localgov/municipality_list.html"
    )
    context = {"form": form, "page": page, "year": year, "total": total, "sort": sort}
    return render(request, template, context)


# Other apps' sections may list dossiers (dyzo/dossiers/sections.py): a read when they do.
@audits_read("dossier.listed", when_shown=True)
@can_view_registry
def municipality_detail(request, nis_code):
    municipality = get_municipality_for_user(request.user, nis_code)
    context = {
        "municipality": municipality,
        "predecessors": municipality.merged_from.select_related("predecessor"),
        "successor": municipality.merged_into.select_related("successor").first(),
        "populations": municipality.populations.all(),
        "sections": municipality_sections(request, municipality),
    }
    return render(request, "localgov/municipality_detail.html", context)


@shows_no_personal_data
@can_view_registry
def municipality_choices(request):
    """Matches for a searchable municipality field (?q= name or start of the NIS code;
    ?current=1: only the municipalities that exist today, for new records)."""
    queryset = municipalities_to_choose(request.user)
    if request.GET.get("current"):
        queryset = queryset.existing_on(datetime.date.today())
    return JsonResponse({"results": search_choices(queryset, request.GET.get("q", ""))})
