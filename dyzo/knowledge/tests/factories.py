import datetime

import factory

from django.utils import timezone

from dyzo.accounts.tests.factories import UserFactory
from dyzo.knowledge.constants import (
    GuideStatus,
    RegistrationStatus,
    TriageOutcome,
    TriageQuestion,
)
from dyzo.knowledge.models import (
    Guide,
    GuideVersion,
    Registration,
    Survey,
    Topic,
    Training,
    Triage,
)
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality


class TopicFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Topic
        django_get_or_create = ["slug"]

    slug = "collective-debt-settlement"
    name = "Collectieve schuldenregeling"
    name_en = "Collective debt settlement"
    position = 4


class GuideFactory(factory.django.DjangoModelFactory):
    """A published guide with its first version; trait `draft` for an unpublished one."""

    class Meta:
        model = Guide
        skip_postgeneration_save = True

    topic = factory.SubFactory(TopicFactory)
    title = factory.Sequence(lambda n: f"Gids {n}")
    summary = "Wat een medewerker eerst nagaat."
    body = "Een zelfstandige met schulden kan een collectieve schuldenregeling aanvragen."
    status = GuideStatus.PUBLISHED
    updated_at = factory.LazyFunction(timezone.now)
    updated_by = factory.SubFactory(UserFactory, expert=True)

    class Params:
        draft = factory.Trait(status=GuideStatus.DRAFT)

    @factory.post_generation
    def first_version(guide, create, extracted, **kwargs):
        if create:
            GuideVersion.objects.create(
                guide=guide,
                number=guide.version,
                title=guide.title,
                summary=guide.summary,
                body=guide.body,
                status=guide.status,
                changed_by=guide.updated_by,
                changed_at=guide.updated_at,
            )


class TriageFactory(factory.django.DjangoModelFactory):
    """A triage of Gent's OCMW that ends in a referral; traits for the other outcomes."""

    class Meta:
        model = Triage

    municipality = factory.LazyFunction(lambda: Municipality.objects.get(nis_code="44021"))
    party = PartyKind.OCMW
    answers = factory.LazyFunction(lambda: dict.fromkeys(TriageQuestion.values, True))
    outcome = TriageOutcome.REFER
    completed_by = factory.SubFactory(UserFactory, municipal_worker=True)
    completed_on = factory.LazyFunction(timezone.localdate)

    class Params:
        self_answer = factory.Trait(
            outcome=TriageOutcome.SELF,
            answers={**dict.fromkeys(TriageQuestion.values, False), "guide_answers": True},
        )
        ask_dyzo = factory.Trait(
            outcome=TriageOutcome.ASK_DYZO,
            answers=dict.fromkeys(TriageQuestion.values, False),
        )


class TrainingFactory(factory.django.DjangoModelFactory):
    """An upcoming training in Gent; trait `past` for one that took place last week."""

    class Meta:
        model = Training

    title = factory.Sequence(lambda n: f"Vorming eerstelijnsadvies {n}")
    starts_at = factory.LazyFunction(lambda: timezone.now() + datetime.timedelta(days=14))
    ends_at = factory.LazyAttribute(
        lambda training: training.starts_at + datetime.timedelta(hours=3)
    )
    place = "Gent"
    capacity = 12
    trainers = "Dyzo"

    class Params:
        past = factory.Trait(
            starts_at=factory.LazyFunction(lambda: timezone.now() - datetime.timedelta(days=7))
        )


class RegistrationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Registration

    training = factory.SubFactory(TrainingFactory)
    worker = factory.SubFactory(UserFactory, municipal_worker=True)
    municipality = factory.LazyFunction(lambda: Municipality.objects.get(nis_code="44021"))
    party = PartyKind.OCMW
    status = RegistrationStatus.REGISTERED

    class Params:
        waiting = factory.Trait(status=RegistrationStatus.WAITING)
        attended_past = factory.Trait(
            training=factory.SubFactory(TrainingFactory, past=True), attended=True
        )


class SurveyFactory(factory.django.DjangoModelFactory):
    """The survey of a delivered report of Gent; trait `answered` with scores."""

    class Meta:
        model = Survey

    report = factory.SubFactory(
        "dyzo.reports.tests.factories.WrittenReportFactory",
        delivered=True,
        dossier__municipality=factory.LazyFunction(
            lambda: Municipality.objects.get(nis_code="44021")
        ),
    )
    municipality = factory.LazyAttribute(lambda survey: survey.report.dossier.municipality)
    token = factory.Sequence(lambda n: f"survey-token-{n}")
    invited_at = factory.LazyFunction(timezone.now)

    class Params:
        answered = factory.Trait(
            usefulness=4,
            clarity=5,
            timeliness=3,
            answered_at=factory.LazyFunction(timezone.now),
        )
