from drf_spectacular.utils import extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.response import Response
from rest_framework.views import APIView

from dyzo.audit.reads import NO_PERSONAL_DATA
from dyzo.insights.access import VIEW_REPORT
from dyzo.insights.api.serializers import CooperationReportSerializer
from dyzo.insights.report import build_report
from dyzo.insights.years import is_report_year


class CooperationReportView(APIView):
    """The cooperation report of a year: the same data as the page and the command."""

    permission = VIEW_REPORT
    read_audit = NO_PERSONAL_DATA

    @extend_schema(responses=CooperationReportSerializer, operation_id="cooperation_report")
    def get(self, request, year: int):
        if not is_report_year(year):
            raise NotFound()
        # The report is already plain data in the documented shape; the serializer only
        # describes it for the schema, so it is returned as built.
        return Response(build_report(year))
