from rest_framework import serializers

from django.utils.translation import gettext_lazy as _

from dyzo.knowledge.constants import EvaluationScore
from dyzo.knowledge.models import Guide, Registration, Survey, Topic, Training, Triage
from dyzo.localgov.constants import PartyKind


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "name_en"]


class GuideSerializer(serializers.ModelSerializer):
    """A guide's current version; `version_date` is when that version was saved."""

    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    version_date = serializers.DateTimeField(source="updated_at", read_only=True)
    change_note = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=300
    )

    class Meta:
        model = Guide
        fields = [
            "id",
            "topic",
            "title",
            "summary",
            "body",
            "language",
            "status",
            "version",
            "version_date",
            "change_note",
        ]
        read_only_fields = ["version"]


class TrainingSerializer(serializers.ModelSerializer):
    topic = serializers.SlugRelatedField(slug_field="slug", read_only=True, allow_null=True)
    registered = serializers.IntegerField(source="registered_count", read_only=True)
    waiting = serializers.IntegerField(source="waiting_count", read_only=True)

    class Meta:
        model = Training
        fields = [
            "id",
            "title",
            "topic",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online",
            "capacity",
            "trainers",
            "with_vvsg",
            "registered",
            "waiting",
        ]


class PartySerializer(serializers.Serializer):
    """Names one of the user's own parties: a municipality's NIS code and gemeente/OCMW."""

    municipality = serializers.CharField(help_text="NIS code")
    party = serializers.ChoiceField(choices=PartyKind.choices)

    def party_for(self, user):
        party = user.parties.filter(
            municipality__nis_code=self.validated_data["municipality"],
            kind=self.validated_data["party"],
        ).first()
        if party is None:
            raise serializers.ValidationError(
                {"party": [_("You can only act for your own gemeente or OCMW.")]}
            )
        return party


class RegistrationSerializer(serializers.ModelSerializer):
    training = serializers.PrimaryKeyRelatedField(read_only=True)
    municipality = serializers.CharField(source="municipality.nis_code", read_only=True)

    class Meta:
        model = Registration
        fields = ["id", "training", "municipality", "party", "status", "attended", "registered_at"]
        read_only_fields = fields


class EvaluationSerializer(serializers.Serializer):
    content = serializers.ChoiceField(choices=EvaluationScore.choices)
    trainers = serializers.ChoiceField(choices=EvaluationScore.choices)
    usefulness = serializers.ChoiceField(choices=EvaluationScore.choices)
    comment = serializers.CharField(required=False, allow_blank=True)


class TriageSerializer(serializers.ModelSerializer):
    """A triage: the answers in, the outcome out. Nothing about the entrepreneur."""

    municipality = serializers.CharField(source="municipality.nis_code")
    topic = serializers.SlugRelatedField(
        slug_field="slug", queryset=Topic.objects.all(), required=False, allow_null=True
    )
    answers = serializers.DictField(child=serializers.BooleanField())

    class Meta:
        model = Triage
        fields = ["id", "municipality", "party", "topic", "answers", "outcome", "completed_on"]
        read_only_fields = ["outcome", "completed_on"]


class SurveySerializer(serializers.ModelSerializer):
    dossier = serializers.CharField(source="report.dossier.reference", read_only=True)
    delivered_at = serializers.DateTimeField(source="report.delivered_at", read_only=True)
    municipality = serializers.CharField(source="municipality.nis_code", read_only=True)

    class Meta:
        model = Survey
        fields = [
            "id",
            "dossier",
            "municipality",
            "delivered_at",
            "answered_at",
            "usefulness",
            "clarity",
            "timeliness",
            "comment",
        ]
        read_only_fields = fields


class SurveyAnswerSerializer(serializers.Serializer):
    usefulness = serializers.ChoiceField(choices=EvaluationScore.choices)
    clarity = serializers.ChoiceField(choices=EvaluationScore.choices)
    timeliness = serializers.ChoiceField(choices=EvaluationScore.choices)
    comment = serializers.CharField(required=False, allow_blank=True)
