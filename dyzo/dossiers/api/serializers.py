from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from django.core.exceptions import ValidationError as DjangoValidationError

from dyzo.accounts.models import User
from dyzo.api.rows import PlainRows
from dyzo.dossiers.constants import DossierStatus, Outcome
from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.dossiers.models import (
    Activity,
    AdviceEntry,
    Document,
    Dossier,
    Entrepreneur,
    TeamMember,
)
from dyzo.localgov.models import Municipality


def municipality_field(**kwargs):
    return serializers.SlugRelatedField(
        slug_field="nis_code", queryset=Municipality.objects.all(), **kwargs
    )


class EntrepreneurSerializer(PlainRows, serializers.ModelSerializer):
    municipality = municipality_field()
    enterprise_number = serializers.CharField(
        required=False, allow_blank=True, allow_null=True, help_text="KBO number, e.g. 0403.170.701"
    )

    class Meta:
        model = Entrepreneur
        fields = [
            "id",
            "first_name",
            "last_name",
            "date_of_birth",
            "enterprise_number",
            "legal_form",
            "sector",
            "municipality",
            "address",
            "phone",
            "email",
            "situation_notes",
            "created_at",
        ]

    def validate_enterprise_number(self, value):
        if not value:
            return None
        try:
            return clean_enterprise_number(value)
        except DjangoValidationError as exc:
            raise serializers.ValidationError(exc.messages)

    def to_representation(self, instance):
        data = super().to_representation(instance)
        data["enterprise_number"] = instance.enterprise_number_display or None
        return data


class AdviceEntrySerializer(PlainRows, serializers.ModelSerializer):
    municipality = municipality_field()
    asked_by_user = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = AdviceEntry
        fields = [
            "id",
            "asked_on",
            "municipality",
            "party",
            "asked_by",
            "asked_by_user",
            "channel",
            "topic",
            "question",
            "advice",
            "minutes_spent",
            "handled_by",
            "imported_for_year",
            "created_at",
        ]
        read_only_fields = ["handled_by", "imported_for_year", "created_at"]
        # Blank in the model for imported placeholders only; a logged question names its party.
        extra_kwargs = {"party": {"required": True, "allow_blank": False}}


class DossierSerializer(PlainRows, serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(slug_field="nis_code", read_only=True)
    entrepreneur_name = serializers.SerializerMethodField()
    # Empty until the dossier is closed: the schema says so ("" beside the outcomes).
    outcome = serializers.ChoiceField(choices=Outcome.choices, allow_blank=True, read_only=True)

    class Meta:
        model = Dossier
        fields = [
            "id",
            "reference",
            "year",
            "case_type",
            "municipality",
            "referring_party",
            "referring_worker",
            "entrepreneur",
            "entrepreneur_name",
            "phase",
            "help_request",
            "basis",
            "status",
            "outcome",
            "opened_on",
            "closed_on",
            "report_delivered_on",
            "version",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.CharField())
    def get_entrepreneur_name(self, dossier) -> str:
        return str(dossier.entrepreneur)


class DossierCreateSerializer(serializers.ModelSerializer):
    municipality = municipality_field()
    entrepreneur = serializers.PrimaryKeyRelatedField(queryset=Entrepreneur.objects.none())
    referring_worker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Dossier
        fields = [
            "entrepreneur",
            "case_type",
            "municipality",
            "referring_party",
            "referring_worker",
            "phase",
            "help_request",
            "opened_on",
        ]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["entrepreneur"].queryset = Entrepreneur.objects.visible_to(request.user)


class DossierUpdateSerializer(serializers.ModelSerializer):
    version = serializers.IntegerField(help_text="The version the change was based on.")
    referring_worker = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Dossier
        fields = [
            "phase",
            "referring_party",
            "referring_worker",
            "help_request",
            "opened_on",
            "version",
        ]


class MoveSerializer(serializers.Serializer):
    to_status = serializers.ChoiceField(choices=DossierStatus.choices)
    version = serializers.IntegerField(required=False)
    note = serializers.CharField(required=False, allow_blank=True, default="")


class CloseSerializer(serializers.Serializer):
    outcome = serializers.ChoiceField(choices=Outcome.choices)
    note = serializers.CharField(required=False, allow_blank=True, default="")
    version = serializers.IntegerField(required=False)


class CancelSerializer(serializers.Serializer):
    note = serializers.CharField()
    version = serializers.IntegerField(required=False)


class TeamMemberSerializer(serializers.ModelSerializer):
    user = serializers.PrimaryKeyRelatedField(queryset=User.objects.all())
    name = serializers.SerializerMethodField()

    class Meta:
        model = TeamMember
        fields = ["id", "user", "name", "role", "added_at"]
        read_only_fields = ["role", "added_at"]

    @extend_schema_field(serializers.CharField())
    def get_name(self, member) -> str:
        return str(member.user)


class ActivitySerializer(serializers.ModelSerializer):
    class Meta:
        model = Activity
        fields = [
            "id",
            "kind",
            "happened_on",
            "duration_minutes",
            "travel_km",
            "notes",
            "recorded_by",
            "created_at",
        ]
        read_only_fields = ["recorded_by", "created_at"]


class DossierDocumentSerializer(serializers.ModelSerializer):
    file = serializers.FileField(write_only=True)

    class Meta:
        model = Document
        fields = [
            "id",
            "kind",
            "file",
            "original_name",
            "content_type",
            "size",
            "uploaded_by",
            "uploaded_at",
        ]
        read_only_fields = ["original_name", "content_type", "size", "uploaded_by", "uploaded_at"]
