from rest_framework import serializers

from dyzo.accounts.models import User
from dyzo.localgov.models import Municipality
from dyzo.outreach.access import may_read_notes
from dyzo.outreach.models import Contact, DeclineReason

CONTACT_FIELDS = ["kind", "happened_on", "coordinator", "with_whom", "notes", "follow_up_on"]


class ContactSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(
        slug_field="nis_code", queryset=Municipality.objects.all()
    )
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    coordinator = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Contact
        fields = [
            "id",
            "municipality",
            "municipality_name",
            *CONTACT_FIELDS,
            "follow_up_done",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["follow_up_done"]

    def get_fields(self):
        # Analysts may list contacts; the notes are for coordinators only.
        fields = super().get_fields()
        request = self.context.get("request")
        if request is not None and not may_read_notes(request.user):
            fields.pop("notes", None)
        return fields


class ContactUpdateSerializer(serializers.ModelSerializer):
    coordinator = serializers.SlugRelatedField(
        slug_field="username", queryset=User.objects.all(), required=False, allow_null=True
    )

    class Meta:
        model = Contact
        fields = CONTACT_FIELDS
        extra_kwargs = {field: {"required": False} for field in CONTACT_FIELDS}


class DeclineReasonSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(
        slug_field="nis_code", queryset=Municipality.objects.all()
    )
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)

    class Meta:
        model = DeclineReason
        fields = ["id", "municipality", "municipality_name", "year", "code", "text", "imported"]
        read_only_fields = ["imported"]
        # The service checks duplicates and 'other' needing a text.
        validators = []
