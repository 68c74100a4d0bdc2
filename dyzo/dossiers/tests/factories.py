import datetime

import factory

from dyzo.accounts.tests.factories import UserFactory
from dyzo.agreements.constants import CaseType
from dyzo.dossiers.constants import (
    ActivityKind,
    AdviceChannel,
    BusinessPhase,
    DocumentKind,
    DossierBasis,
    DossierStatus,
    Outcome,
    TeamRole,
)
from dyzo.dossiers.models import (
    Activity,
    AdviceEntry,
    Document,
    Dossier,
    DossierStatusChange,
    Entrepreneur,
    TeamMember,
)
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality
from dyzo.utils.tests.pdf import blank_pdf

TODAY = datetime.date.today()


def gent():
    return Municipality.objects.get(nis_code="44021")


class EntrepreneurFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Entrepreneur

    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    date_of_birth = datetime.date(1975, 5, 17)
    legal_form = "eenmanszaak"
    sector = "horeca"
    municipality = factory.LazyFunction(gent)
    situation_notes = "Achterstand bij de RSZ."

    class Params:
        with_enterprise_number = factory.Trait(enterprise_number="0403170701")


class AdviceEntryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = AdviceEntry

    municipality = factory.LazyFunction(gent)
    party = PartyKind.OCMW
    asked_by = "Maatschappelijk werker"
    channel = AdviceChannel.PHONE
    topic = "Uitstel van betaling sociale bijdragen"
    question = "Kan de zelfstandige uitstel krijgen?"
    advice = "Ja, via het sociaal verzekeringsfonds."
    minutes_spent = 20
    asked_on = TODAY

    class Params:
        by_mail = factory.Trait(channel=AdviceChannel.MAIL)
        imported = factory.Trait(
            imported_for_year=2018, topic="", question="", advice="", asked_by=""
        )


def _closed_on(dossier):
    return TODAY if dossier.status in DossierStatus.finished_values() else None


class DossierFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Dossier
        skip_postgeneration_save = True

    year = TODAY.year
    number = factory.Sequence(lambda n: 5000 + n)
    reference = factory.LazyAttribute(lambda d: f"{d.year}-{d.number:04d}")
    case_type = CaseType.ENTERPRISE_SCAN
    municipality = factory.LazyFunction(gent)
    referring_party = PartyKind.OCMW
    entrepreneur = factory.SubFactory(
        EntrepreneurFactory, municipality=factory.SelfAttribute("..municipality")
    )
    phase = BusinessPhase.IN_DIFFICULTY
    help_request = "Schulden bij leveranciers."
    basis = DossierBasis.SUBSCRIPTION
    status = DossierStatus.INTAKE
    status_changed_on = TODAY
    opened_on = TODAY
    closed_on = factory.LazyAttribute(_closed_on)

    class Params:
        social = factory.Trait(case_type=CaseType.SOCIAL_PRE_INVESTIGATION)
        per_case = factory.Trait(basis=DossierBasis.PER_CASE)
        not_covered = factory.Trait(basis=DossierBasis.NOT_COVERED)
        data_collection = factory.Trait(status=DossierStatus.DATA_COLLECTION)
        investigation = factory.Trait(status=DossierStatus.INVESTIGATION)
        report_drafting = factory.Trait(status=DossierStatus.REPORT_DRAFTING)
        report_delivered = factory.Trait(
            status=DossierStatus.REPORT_DELIVERED, report_delivered_on=TODAY
        )
        closed = factory.Trait(
            status=DossierStatus.CLOSED,
            report_delivered_on=TODAY,
            outcome=Outcome.BUSINESS_CONTINUED,
        )
        cancelled = factory.Trait(status=DossierStatus.CANCELLED)

    @factory.post_generation
    def history(self, create, extracted, **kwargs):
        if create:
            actor = UserFactory(username="factory_coordinator", coordinator=True)
            DossierStatusChange.objects.create(dossier=self, to_status=self.status, actor=actor)


class TeamMemberFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = TeamMember

    dossier = factory.SubFactory(DossierFactory)
    user = factory.SubFactory(UserFactory, expert=True)
    role = TeamRole.LAWYER


class ActivityFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Activity

    dossier = factory.SubFactory(DossierFactory)
    kind = ActivityKind.VISIT
    happened_on = TODAY
    duration_minutes = 90
    travel_km = 12
    notes = "Bezoek ter plaatse."
    recorded_by = factory.SubFactory(UserFactory, coordinator=True)


PDF_BYTES = blank_pdf()


class DocumentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Document

    dossier = factory.SubFactory(DossierFactory)
    kind = DocumentKind.TAX
    token = factory.Sequence(lambda n: f"token{n}.pdf")
    file = factory.django.FileField(data=PDF_BYTES, filename="aanslag.pdf")
    original_name = "aanslag.pdf"
    content_type = "application/pdf"
    size = len(PDF_BYTES)
    uploaded_by = factory.SubFactory(UserFactory, coordinator=True)
