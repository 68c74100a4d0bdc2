from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied
from rest_framework.response import Response

from django.http import FileResponse
from django.utils.translation import gettext as _

from dyzo.audit.reads import Read
from dyzo.reports import services
from dyzo.reports.access import may_approve, may_write
from dyzo.reports.api.serializers import (
    DraftSerializer,
    ReportVersionSerializer,
    WrittenReportSerializer,
)
from dyzo.reports.constants import ReportStatus
from dyzo.reports.errors import ReportError
from dyzo.reports.models import ReportVersion, WrittenReport

WRITE_PERMISSIONS = {
    "approve": "reports.approve_writtenreport",
    "deliver": "reports.approve_writtenreport",
}


@extend_schema_view(
    list=extend_schema(summary="Written reports visible to the user"),
    retrieve=extend_schema(summary="One written report (with its approved version)"),
)
class WrittenReportViewSet(
    mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission = "reports.view_writtenreport"
    serializer_class = WrittenReportSerializer
    ordering = ("-id",)

    @property
    def write_permission(self):
        return WRITE_PERMISSIONS.get(self.action, "reports.change_writtenreport")

    read_audit = {
        "list": Read("report.listed"),
        "retrieve": Read("report.viewed", WrittenReport),
        "pdf": Read("report.downloaded", WrittenReport),
        "versions": Read("report.versions_viewed", WrittenReport),
    }

    def get_queryset(self):
        # The dossier's reference and the approved version are on every row: joined.
        return WrittenReport.objects.visible_to(self.request.user).select_related(
            "dossier", "approved_version"
        )

    @extend_schema(
        request=DraftSerializer,
        responses={201: ReportVersionSerializer},
        summary="Save the sections of a dossier's report as a new version",
    )
    @action(detail=False, methods=["post"])
    def drafts(self, request):
        serializer = DraftSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        dossier = serializer.validated_data["dossier"]
        version = services.save_report_draft(
            dossier, serializer.validated_data["sections"], actor=request.user
        )
        return Response(ReportVersionSerializer(version).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses=ReportVersionSerializer(many=True), summary="All versions")
    @action(detail=True, methods=["get"], pagination_class=None)
    def versions(self, request, pk=None):
        report = self.get_object()
        if not may_write(request.user, report):
            raise PermissionDenied
        rows = ReportVersion.objects.visible_to(request.user).filter(report=report)
        return Response(ReportVersionSerializer(rows, many=True).data)

    def _act(self, check, service):
        report = self.get_object()
        if not check(self.request.user, report):
            raise PermissionDenied
        return Response(self.get_serializer(service(report, actor=self.request.user)).data)

    @extend_schema(request=None, summary="Submit the draft for approval")
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        return self._act(may_write, services.submit_report)

    @extend_schema(request=None, summary="Approve (coordinator)")
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        return self._act(may_approve, services.approve_report)

    @extend_schema(request=None, summary="Deliver to the referring party; renders the PDF")
    @action(detail=True, methods=["post"])
    def deliver(self, request, pk=None):
        return self._act(may_approve, services.deliver_report)

    @extend_schema(
        responses={(200, "application/pdf"): OpenApiTypes.BINARY},
        summary="The delivered report as PDF",
    )
    @action(detail=True, methods=["get"])
    def pdf(self, request, pk=None):
        report = self.get_object()
        if report.status != ReportStatus.DELIVERED:
            raise ReportError(_("The PDF exists once the report is delivered."))
        report = services.ensure_report_pdf(report)
        return FileResponse(
            report.pdf.open("rb"),
            as_attachment=True,
            filename=f"rapport-{report.dossier.reference}.pdf",
            content_type="application/pdf",
        )
