import factory

from django.utils import timezone

from dyzo.accounts.tests.factories import UserFactory
from dyzo.knowledge.constants import GuideStatus, TriageOutcome, TriageQuestion
from dyzo.knowledge.models import Guide, GuideVersion, Topic, Triage
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
