"""API of the aggregate figures: impact report, capability, reach. Counts below 5 read
"<5" exactly as on the pages (docs/impact-report.md)."""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema
from rest_framework.response import Response
from rest_framework.views import APIView

from django.shortcuts import get_object_or_404

from dyzo.audit.reads import NO_PERSONAL_DATA
from dyzo.knowledge.capability import capability_years
from dyzo.knowledge.figures import checked_year
from dyzo.knowledge.impact import impact_report
from dyzo.knowledge.reach import reach_of_year
from dyzo.localgov.models import Municipality


def _municipality(nis_code):
    return get_object_or_404(Municipality.objects.select_related("province"), nis_code=nis_code)


class ImpactReportView(APIView):
    permission = "insights.view_cooperation_report"
    read_audit = NO_PERSONAL_DATA  # aggregates, counts below 5 hidden

    @extend_schema(
        summary='Impact report of a municipality and year (counts below 5 read "<5")',
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, nis_code, year):
        return Response(impact_report(_municipality(nis_code), checked_year(year)))


class CapabilityView(APIView):
    permission = "insights.view_cooperation_report"
    read_audit = NO_PERSONAL_DATA  # aggregates, counts below 5 hidden

    @extend_schema(
        summary="First-line capability of a municipality, the last five years",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, nis_code):
        return Response(capability_years(_municipality(nis_code)))


class ReachView(APIView):
    permission = "insights.view_cooperation_report"
    read_audit = NO_PERSONAL_DATA  # aggregates, counts below 5 hidden

    @extend_schema(
        summary="Entrepreneurs helped in Flanders in a year, beside the 23,000 of 2016",
        responses=OpenApiTypes.OBJECT,
    )
    def get(self, request, year):
        reach = reach_of_year(checked_year(year))
        reach["reference"] = {**reach["reference"], "source": str(reach["reference"]["source"])}
        return Response(reach)
