from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import PermissionDenied, ValidationError
from rest_framework.parsers import JSONParser, MultiPartParser
from rest_framework.response import Response

from django.http import FileResponse
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext as _

from dyzo.audit.reads import Read
from dyzo.dossiers import services
from dyzo.dossiers.access import may_change_dossier
from dyzo.dossiers.api import serializers as s
from dyzo.dossiers.api.filters import DossierFilterSet
from dyzo.dossiers.models import Document, Dossier

WRITE_PERMISSIONS = {
    "create": "dossiers.add_dossier",
    "team": "dossiers.manage_team",
    "team_member": "dossiers.manage_team",
    "activities": "dossiers.add_activity",
    "documents": "dossiers.add_document",
}
# Working material that municipal workers do not see, with the permission it needs.
PART_PERMISSIONS = {
    "activities": "dossiers.view_activity",
    "documents": "dossiers.view_document",
    "document_download": "dossiers.view_document",
}


@extend_schema_view(
    list=extend_schema(summary="Dossiers visible to the user"),
    retrieve=extend_schema(summary="One dossier"),
    create=extend_schema(
        request=s.DossierCreateSerializer,
        responses=s.DossierSerializer,
        summary="Intake of a referral (number and basis are assigned)",
    ),
    partial_update=extend_schema(
        request=s.DossierUpdateSerializer,
        responses=s.DossierSerializer,
        summary="Edit a dossier; a stale `version` is refused with a conflict message",
    ),
)
class DossierViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "dossiers.view_dossier"
    serializer_class = s.DossierSerializer
    ordering = ("-id",)
    filterset_class = DossierFilterSet
    http_method_names = ["get", "post", "patch", "delete", "head", "options"]
    parser_classes = [JSONParser, MultiPartParser]
    read_audit = {
        "list": Read("dossier.listed"),
        "retrieve": Read("dossier.viewed", Dossier),
        "activities": Read("dossier.activities_viewed", Dossier),
        "documents": Read("dossier.documents_viewed", Dossier),
        "document_download": Read("dossier.document_downloaded", Document, "document_pk"),
        "team": Read("dossier.team_viewed", Dossier),
    }

    @property
    def write_permission(self):
        return WRITE_PERMISSIONS.get(self.action, "dossiers.change_dossier")

    def get_queryset(self):
        # Entrepreneur and municipality appear on every row: joined, not queried per row.
        return Dossier.objects.visible_to(self.request.user).for_rows(with_help_request=True)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        needed = PART_PERMISSIONS.get(self.action)
        if needed and not request.user.has_perm(needed):
            raise PermissionDenied

    def _changeable(self) -> Dossier:
        dossier = self.get_object()
        if not may_change_dossier(self.request.user, dossier):
            raise PermissionDenied
        return dossier

    def _dossier_response(self, dossier, code=status.HTTP_200_OK):
        return Response(s.DossierSerializer(dossier).data, status=code)

    def retrieve(self, request, *args, **kwargs):
        return self._dossier_response(self.get_object())

    def create(self, request, *args, **kwargs):
        serializer = s.DossierCreateSerializer(data=request.data, context={"request": request})
        serializer.is_valid(raise_exception=True)
        dossier = services.open_dossier(actor=request.user, **serializer.validated_data)
        return self._dossier_response(dossier, status.HTTP_201_CREATED)

    def partial_update(self, request, *args, **kwargs):
        dossier = self._changeable()
        serializer = s.DossierUpdateSerializer(dossier, data=request.data, partial=True)
        serializer.is_valid(raise_exception=True)
        data = dict(serializer.validated_data)
        version = data.pop("version", None)
        if version is None:
            raise ValidationError({"version": [_("This field is required.")]})
        return self._dossier_response(
            services.update_dossier(dossier, data, version=version, actor=request.user)
        )

    @extend_schema(request=s.MoveSerializer, responses=s.DossierSerializer, summary="Next step")
    @action(detail=True, methods=["post"])
    def move(self, request, pk=None):
        dossier = self._changeable()
        data = self._valid(s.MoveSerializer)
        return self._dossier_response(
            services.move_dossier(
                dossier,
                data["to_status"],
                actor=request.user,
                note=data["note"],
                version=data.get("version"),
            )
        )

    @extend_schema(request=s.CloseSerializer, responses=s.DossierSerializer, summary="Close")
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        dossier = self._changeable()
        data = self._valid(s.CloseSerializer)
        return self._dossier_response(
            services.close_dossier(
                dossier,
                data["outcome"],
                actor=request.user,
                note=data["note"],
                version=data.get("version"),
            )
        )

    @extend_schema(request=s.CancelSerializer, responses=s.DossierSerializer, summary="Cancel")
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        dossier = self._changeable()
        data = self._valid(s.CancelSerializer)
        return self._dossier_response(
            services.cancel_dossier(
                dossier, actor=request.user, note=data["note"], version=data.get("version")
            )
        )

    def _valid(self, serializer_class, **kwargs) -> dict:
        serializer = serializer_class(data=self.request.data, **kwargs)
        serializer.is_valid(raise_exception=True)
        return serializer.validated_data

    @extend_schema(methods=["get"], responses=s.TeamMemberSerializer(many=True), summary="The team")
    @extend_schema(
        methods=["post"],
        request=s.TeamMemberSerializer,
        responses={201: s.TeamMemberSerializer},
        summary="Add a coordinator or expert (role from their expertise)",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def team(self, request, pk=None):
        if request.method == "GET":
            members = self.get_object().team.select_related("user")
            return Response(s.TeamMemberSerializer(members, many=True).data)
        dossier = self._changeable()
        data = self._valid(s.TeamMemberSerializer)
        member = services.add_team_member(dossier, data["user"], actor=request.user)
        return Response(s.TeamMemberSerializer(member).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={204: None}, summary="Remove someone from the team")
    @action(detail=True, methods=["delete"], url_path=r"team/(?P<member_pk>\d+)")
    def team_member(self, request, pk=None, member_pk=None):
        dossier = self._changeable()
        member = get_object_or_404(dossier.team.select_related("dossier"), pk=member_pk)
        services.remove_team_member(member, actor=request.user)
        return Response(status=status.HTTP_204_NO_CONTENT)

    @extend_schema(methods=["get"], responses=s.ActivitySerializer(many=True), summary="Activities")
    @extend_schema(
        methods=["post"],
        request=s.ActivitySerializer,
        responses={201: s.ActivitySerializer},
        summary="Record a visit, call or meeting",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def activities(self, request, pk=None):
        if request.method == "GET":
            activities = self.get_object().activities.all()
            return Response(s.ActivitySerializer(activities, many=True).data)
        dossier = self._changeable()
        activity = services.record_activity(
            dossier, self._valid(s.ActivitySerializer), actor=request.user
        )
        return Response(s.ActivitySerializer(activity).data, status=status.HTTP_201_CREATED)

    @extend_schema(
        methods=["get"], responses=s.DossierDocumentSerializer(many=True), summary="Documents"
    )
    @extend_schema(
        methods=["post"],
        request={"multipart/form-data": s.DossierDocumentSerializer},
        responses={201: s.DossierDocumentSerializer},
        summary="Upload a PDF, PNG or JPEG (type judged by content, at most 10 MB)",
    )
    @action(detail=True, methods=["get", "post"], pagination_class=None)
    def documents(self, request, pk=None):
        if request.method == "GET":
            documents = self.get_object().documents.all()
            return Response(s.DossierDocumentSerializer(documents, many=True).data)
        dossier = self._changeable()
        data = self._valid(s.DossierDocumentSerializer)
        document = services.upload_document(dossier, data["file"], data["kind"], actor=request.user)
        return Response(s.DossierDocumentSerializer(document).data, status=status.HTTP_201_CREATED)

    @extend_schema(responses={(200, "application/octet-stream"): OpenApiTypes.BINARY})
    @action(detail=True, methods=["get"], url_path=r"documents/(?P<document_pk>\d+)/download")
    def document_download(self, request, pk=None, document_pk=None):
        document = get_object_or_404(self.get_object().documents.all(), pk=document_pk)
        return FileResponse(
            document.file.open("rb"),
            as_attachment=True,
            filename=document.original_name,
            content_type=document.content_type,
        )
