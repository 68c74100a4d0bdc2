from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.response import Response

from dyzo.audit.reads import Read
from dyzo.portal import services
from dyzo.portal.api.serializers import HelpRequestSerializer
from dyzo.portal.models import HelpRequest
from dyzo.portal.services import FIELDS


@extend_schema_view(
    list=extend_schema(summary="Help requests of the user's municipalities (all for Dyzo)"),
    retrieve=extend_schema(summary="One help request"),
    create=extend_schema(summary="Submit a help request for Dyzo to take up"),
)
class HelpRequestViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "portal.view_helprequest"
    read_audit = {
        "list": Read("help_request.listed"),
        "retrieve": Read("help_request.viewed", HelpRequest),
    }
    write_permission = "portal.add_helprequest"
    serializer_class = HelpRequestSerializer
    ordering = "-id"

    def get_queryset(self):
        # The dossier is shown by reference and status on every row: join it.
        return HelpRequest.objects.visible_to(self.request.user).select_related(
            "municipality", "dossier"
        )

    def create(self, request, *args, **kwargs):
        serializer = self.get_serializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        data = {field: serializer.validated_data.get(field) for field in FIELDS}
        help_request = services.submit_help_request(
            data, party=serializer.party_for(request.user), actor=request.user
        )
        output = self.get_serializer(help_request)
        return Response(output.data, status=status.HTTP_201_CREATED)
