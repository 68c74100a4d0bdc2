from rest_framework import serializers

from django.utils.translation import gettext_lazy as _

from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.localgov.constants import PartyKind
from dyzo.portal.models import HelpRequest


class HelpRequestSerializer(serializers.ModelSerializer):
    """A help request as the worker sees it; on create `municipality` (NIS code) and
    `party` name the gemeente or OCMW it is for, which must be one the user works for."""

    municipality = serializers.CharField(source="municipality.nis_code")
    party = serializers.ChoiceField(choices=PartyKind.choices)
    enterprise_number = serializers.CharField(max_length=20, required=False, allow_blank=True)
    # Null until Dyzo takes the request up.
    dossier = serializers.CharField(
        source="dossier.reference", read_only=True, default=None, allow_null=True
    )
    dossier_status = serializers.CharField(
        source="dossier.status", read_only=True, default=None, allow_null=True
    )

    class Meta:
        model = HelpRequest
        fields = [
            "id",
            "municipality",
            "party",
            "kind",
            "entrepreneur_first_name",
            "entrepreneur_last_name",
            "enterprise_number",
            "phase",
            "question",
            "answer_channel",
            "status",
            "dossier",
            "dossier_status",
            "decline_reason",
            "created_at",
        ]
        read_only_fields = ["status", "decline_reason", "created_at"]

    def validate_enterprise_number(self, value):
        return clean_enterprise_number(value) if value else ""

    def party_for(self, user):
        """The user's own Party named by the validated data; a ValidationError otherwise."""
        nis_code = self.validated_data["municipality"]["nis_code"]
        party = user.parties.filter(
            municipality__nis_code=nis_code, kind=self.validated_data["party"]
        ).first()
        if party is None:
            raise serializers.ValidationError(
                {"party": [_("You can only submit help requests for your own gemeente or OCMW.")]}
            )
        return party
