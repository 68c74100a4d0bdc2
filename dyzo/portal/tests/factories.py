import factory

from django.utils import timezone

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.constants import BusinessPhase
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality
from dyzo.portal.constants import AnswerChannel, RequestKind, RequestStatus
from dyzo.portal.models import HelpRequest


def gent():
    return Municipality.objects.get(nis_code="44021")


class HelpRequestFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = HelpRequest

    municipality = factory.LazyFunction(gent)
    party = PartyKind.OCMW
    submitted_by = factory.SubFactory(UserFactory, municipal_worker=True)
    kind = RequestKind.ENTERPRISE_SCAN
    entrepreneur_first_name = "Jan"
    entrepreneur_last_name = "Peeters"
    enterprise_number = "0403170701"
    phase = BusinessPhase.IN_DIFFICULTY
    question = "Achterstallige sociale bijdragen en een dreigende dagvaarding."

    class Params:
        social = factory.Trait(kind=RequestKind.SOCIAL_PRE_INVESTIGATION)
        question_for_advice = factory.Trait(
            kind=RequestKind.REMOTE_ADVICE,
            entrepreneur_first_name="",
            entrepreneur_last_name="",
            enterprise_number="",
            phase="",
            answer_channel=AnswerChannel.PHONE,
        )
        taken_up = factory.Trait(
            status=RequestStatus.TAKEN_UP,
            dossier=factory.SubFactory(
                DossierFactory, municipality=factory.SelfAttribute("..municipality")
            ),
            handled_by=factory.SubFactory(UserFactory, coordinator=True),
            handled_at=factory.LazyFunction(timezone.now),
        )
        answered = factory.Trait(
            question_for_advice=True,
            status=RequestStatus.ANSWERED,
            advice_entry=factory.SubFactory(
                AdviceEntryFactory, municipality=factory.SelfAttribute("..municipality")
            ),
            handled_by=factory.SubFactory(UserFactory, coordinator=True),
            handled_at=factory.LazyFunction(timezone.now),
        )
        declined = factory.Trait(
            status=RequestStatus.DECLINED,
            decline_reason="Geen zelfstandige.",
            handled_by=factory.SubFactory(UserFactory, coordinator=True),
            handled_at=factory.LazyFunction(timezone.now),
        )
