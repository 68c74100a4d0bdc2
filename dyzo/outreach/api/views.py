from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from dyzo.audit.reads import NO_PERSONAL_DATA, Read
from dyzo.outreach import services
from dyzo.outreach.access import visible_contacts
from dyzo.outreach.api.filters import ContactFilterSet, DeclineReasonFilterSet
from dyzo.outreach.api.serializers import (
    ContactSerializer,
    ContactUpdateSerializer,
    DeclineReasonSerializer,
)
from dyzo.outreach.models import Contact, DeclineReason


@extend_schema_view(
    list=extend_schema(
        summary="Contacts with municipalities (notes only for coordinators)",
    ),
    retrieve=extend_schema(summary="One contact"),
    create=extend_schema(summary="Record a contact (coordinator defaults to you)"),
    partial_update=extend_schema(request=ContactUpdateSerializer, summary="Change a contact"),
)
class ContactViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.UpdateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "outreach.view_contact"
    read_audit = {"list": Read("contact.listed"), "retrieve": Read("contact.viewed", Contact)}
    serializer_class = ContactSerializer
    ordering = ("-happened_on", "-id")
    filterset_class = ContactFilterSet
    http_method_names = ["get", "post", "patch", "head", "options"]

    @property
    def write_permission(self):
        return "outreach.add_contact" if self.action == "create" else "outreach.change_contact"

    def get_queryset(self):
        # Municipality and coordinator are on every row: joined, not queried per row.
        return visible_contacts(self.request.user)

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.create_contact(
            data.pop("municipality"), actor=self.request.user, **data
        )

    def update(self, request, *args, **kwargs):
        contact = self.get_object()
        changes = ContactUpdateSerializer(data=request.data, partial=True)
        changes.is_valid(raise_exception=True)
        services.update_contact(contact, actor=request.user, **changes.validated_data)
        return Response(self.get_serializer(contact).data)

    @extend_schema(request=None, responses=ContactSerializer, summary="Mark follow-up done")
    @action(detail=True, methods=["post"], url_path="follow-up-done")
    def follow_up_done(self, request, pk=None):
        contact = services.mark_follow_up_done(self.get_object(), actor=request.user)
        return Response(self.get_serializer(contact).data)


@extend_schema_view(
    list=extend_schema(
        summary="Reasons why municipalities did not cooperate",
    ),
    retrieve=extend_schema(summary="One reason"),
    create=extend_schema(summary="Add a reason ('other' needs a text)"),
    destroy=extend_schema(summary="Remove a reason"),
)
class DeclineReasonViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    mixins.DestroyModelMixin,
    viewsets.GenericViewSet,
):
    permission = "outreach.view_declinereason"
    read_audit = NO_PERSONAL_DATA
    serializer_class = DeclineReasonSerializer
    ordering = ("-year", "-id")
    filterset_class = DeclineReasonFilterSet

    @property
    def write_permission(self):
        if self.action == "destroy":
            return "outreach.delete_declinereason"
        return "outreach.add_declinereason"

    def get_queryset(self):
        return DeclineReason.objects.visible_to(self.request.user).select_related("municipality")

    def perform_create(self, serializer):
        data = dict(serializer.validated_data)
        serializer.instance = services.add_decline_reason(
            data.pop("municipality"), actor=self.request.user, **data
        )

    def perform_destroy(self, instance):
        services.remove_decline_reason(instance, actor=self.request.user)
