from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema, extend_schema_view
from rest_framework import mixins, serializers, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from django.utils.translation import gettext as _

from dyzo.audit.reads import NO_PERSONAL_DATA
from dyzo.knowledge import services
from dyzo.knowledge.api.filters import GuideFilterSet
from dyzo.knowledge.api.serializers import GuideSerializer, TopicSerializer
from dyzo.knowledge.models import Guide, Topic


@extend_schema_view(
    list=extend_schema(summary="Guides the user may read (drafts only for writers)"),
    retrieve=extend_schema(summary="One guide, its current version"),
    create=extend_schema(summary="Write a guide (version 1)"),
    partial_update=extend_schema(summary="Change a guide (a new version)"),
)
class GuideViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "knowledge.view_guide"
    read_audit = NO_PERSONAL_DATA
    write_permission = "knowledge.change_guide"
    serializer_class = GuideSerializer
    filterset_class = GuideFilterSet
    ordering = ("topic__position", "title", "id")
    http_method_names = ["get", "post", "patch", "head", "options"]

    def get_queryset(self):
        # The topic's slug is on every row: join it.
        return Guide.objects.readable_by(self.request.user).select_related("topic")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.save_guide(
            data, change_note=data.get("change_note", ""), actor=self.request.user
        )

    def perform_update(self, serializer):
        guide = serializer.instance
        data = {field: getattr(guide, field) for field in services.GUIDE_FIELDS}
        data.update(serializer.validated_data)
        serializer.instance = services.save_guide(
            data, guide=guide, change_note=data.get("change_note", ""), actor=self.request.user
        )

    @extend_schema(
        summary="Full-text search: guides matching every word, best match first (at most 50)",
        parameters=[OpenApiParameter("q", OpenApiTypes.STR, required=True)],
        responses=GuideSerializer(many=True),
    )
    @action(detail=False, methods=["get"], filter_backends=[], pagination_class=None)
    def search(self, request):
        words = request.query_params.get("q", "")
        if not words.strip():
            # The schema requires `q`: a search for nothing is a bad request, not "no guides".
            raise serializers.ValidationError({"q": [_("Enter one or more words to search for.")]})
        guides = self.get_queryset().search(words)
        return Response(self.get_serializer(guides, many=True).data)


@extend_schema_view(
    list=extend_schema(summary="Topics of the guides"),
    retrieve=extend_schema(summary="One topic"),
)
class TopicViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "knowledge.view_topic"
    read_audit = NO_PERSONAL_DATA
    serializer_class = TopicSerializer
    queryset = Topic.objects.all()
    lookup_field = "slug"
    ordering = ("position", "slug")
