"""API of the worker's side of knowledge transfer: trainings and registrations, triage,
satisfaction surveys."""

from drf_spectacular.utils import extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.exceptions import ValidationError
from rest_framework.response import Response

from django.utils.translation import gettext as _

from dyzo.audit.reads import NO_PERSONAL_DATA, Read
from dyzo.knowledge import services, surveys, trainings
from dyzo.knowledge.api.serializers import (
    EvaluationSerializer,
    PartySerializer,
    RegistrationSerializer,
    SurveyAnswerSerializer,
    SurveySerializer,
    TrainingSerializer,
    TriageSerializer,
)
from dyzo.knowledge.models import Registration, Survey, Training, Triage
from dyzo.localgov.models import Party


@extend_schema_view(
    list=extend_schema(summary="Trainings with their places taken and waiting list"),
    retrieve=extend_schema(summary="One training"),
)
class TrainingViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "knowledge.view_training"
    read_audit = NO_PERSONAL_DATA
    write_permission = "knowledge.add_registration"
    serializer_class = TrainingSerializer
    ordering = ("-starts_at", "-id")

    def get_queryset(self):
        # The counts are shown on every row: annotated in the same query.
        return Training.objects.with_counts().select_related("topic")

    @extend_schema(
        summary="Register for the training (a place, or the waiting list when full)",
        request=PartySerializer,
        responses={201: RegistrationSerializer},
    )
    @action(detail=True, methods=["post"])
    def register(self, request, pk=None):
        training = self.get_object()
        serializer = PartySerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        registration = trainings.register(
            training, party=serializer.party_for(request.user), actor=request.user
        )
        return Response(RegistrationSerializer(registration).data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="The user's registrations (all for coordinators)"),
    retrieve=extend_schema(summary="One registration"),
)
class RegistrationViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "knowledge.view_registration"
    # A worker's registration is staff data, not an entrepreneur's (docs/audit.md).
    read_audit = NO_PERSONAL_DATA
    write_permission = "knowledge.view_registration"
    serializer_class = RegistrationSerializer
    ordering = "-id"

    def get_queryset(self):
        return Registration.objects.visible_to(self.request.user).select_related("municipality")

    @extend_schema(summary="Cancel; the freed place goes to the first waiting", request=None)
    @action(detail=True, methods=["post"])
    def cancel(self, request, pk=None):
        registration = self.get_object()
        trainings.cancel_registration(registration, actor=request.user)
        registration.refresh_from_db()
        return Response(RegistrationSerializer(registration).data)

    @extend_schema(
        summary="Evaluate the attended training (once)",
        request=EvaluationSerializer,
        responses={201: EvaluationSerializer},
    )
    @action(detail=True, methods=["post"])
    def evaluate(self, request, pk=None):
        registration = self.get_object()
        serializer = EvaluationSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        trainings.evaluate(registration, dict(serializer.validated_data), actor=request.user)
        return Response(serializer.data, status=status.HTTP_201_CREATED)


@extend_schema_view(
    list=extend_schema(summary="Triages of the worker's municipalities"),
    retrieve=extend_schema(summary="One triage"),
    create=extend_schema(summary="Run the triage: the answers in, the outcome out"),
)
class TriageViewSet(
    mixins.ListModelMixin,
    mixins.RetrieveModelMixin,
    mixins.CreateModelMixin,
    viewsets.GenericViewSet,
):
    permission = "knowledge.view_triage"
    # A triage holds the answers about one entrepreneur and leads to a help request.
    read_audit = {"list": Read("triage.listed"), "retrieve": Read("triage.viewed", Triage)}
    write_permission = "knowledge.add_triage"
    serializer_class = TriageSerializer
    ordering = "-id"

    def get_queryset(self):
        return Triage.objects.visible_to(self.request.user).select_related("municipality", "topic")

    def perform_create(self, serializer):
        data = serializer.validated_data
        party = Party.objects.filter(
            pk__in=self.request.user.parties.values("pk"),
            municipality__nis_code=data["municipality"]["nis_code"],
            kind=data["party"],
        ).first()
        if party is None:
            raise ValidationError({"party": [_("You can only act for your own gemeente or OCMW.")]})
        serializer.instance = services.record_triage(
            data["answers"], party=party, topic=data.get("topic"), actor=self.request.user
        )


@extend_schema_view(
    list=extend_schema(summary="Satisfaction surveys of the worker's municipalities"),
    retrieve=extend_schema(summary="One survey"),
)
class SurveyViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "knowledge.view_survey"
    # A survey names the dossier of its report.
    read_audit = {"list": Read("survey.listed"), "retrieve": Read("survey.viewed", Survey)}
    write_permission = "knowledge.change_survey"
    serializer_class = SurveySerializer
    ordering = "-id"

    def get_queryset(self):
        return Survey.objects.visible_to(self.request.user).select_related(
            "report__dossier", "municipality"
        )

    @extend_schema(
        summary="Answer the survey (once per report)",
        request=SurveyAnswerSerializer,
        responses={200: SurveySerializer},
    )
    @action(detail=True, methods=["post"])
    def answer(self, request, pk=None):
        survey = self.get_object()
        serializer = SurveyAnswerSerializer(data=request.data)
        serializer.is_valid(raise_exception=True)
        survey = surveys.answer_survey(survey, dict(serializer.validated_data), actor=request.user)
        return Response(SurveySerializer(survey).data)
