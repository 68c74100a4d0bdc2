import datetime
from decimal import Decimal

import factory

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule
from dyzo.localgov.models import Municipality
from dyzo.utils.tests.pdf import blank_pdf

# Illustrative brackets used by the tests: (from, to, price).
BRACKETS = [
    (0, 9_999, Decimal("1500.00")),
    (10_000, 24_999, Decimal("3000.00")),
    (25_000, 99_999, Decimal("6000.00")),
    (100_000, None, Decimal("12000.00")),
]
PDF_BYTES = blank_pdf()


def municipality(nis_code: str) -> Municipality:
    return Municipality.objects.get(nis_code=nis_code)


class TariffScheduleFactory(factory.django.DjangoModelFactory):
    """A schedule with the four BRACKETS unless `brackets=[]` is given."""

    class Meta:
        model = TariffSchedule
        django_get_or_create = ["year"]
        skip_postgeneration_save = True

    year = 2026
    price_enterprise_scan = Decimal("750.00")
    price_social_pre_investigation = Decimal("450.00")

    @factory.post_generation
    def brackets(self, create, extracted, **kwargs):
        if not create or self.brackets.exists():
            return
        rows = BRACKETS if extracted is None else extracted
        TariffBracket.objects.bulk_create(
            TariffBracket(
                schedule=self, population_from=low, population_to=high, annual_price=price
            )
            for low, high, price in rows
        )


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    municipality = factory.LazyFunction(lambda: municipality("44021"))
    party = AgreementParty.OCMW
    form = AgreementForm.ANNUAL
    status = AgreementStatus.DRAFT
    starts_on = datetime.date(2026, 1, 1)
    annual_fee = Decimal("12000.00")

    class Params:
        proposed = factory.Trait(status=AgreementStatus.PROPOSED)
        signed = factory.Trait(status=AgreementStatus.SIGNED, signed_on=datetime.date(2025, 12, 15))
        terminated = factory.Trait(
            status=AgreementStatus.TERMINATED,
            signed_on=datetime.date(2025, 12, 15),
            ends_on=datetime.date(2026, 6, 30),
        )
        per_case = factory.Trait(
            form=AgreementForm.PAY_PER_CASE,
            annual_fee=None,
            fee_enterprise_scan=Decimal("750.00"),
            fee_social_pre_investigation=Decimal("450.00"),
        )
        with_document = factory.Trait(
            document=factory.django.FileField(filename="signed.pdf", data=PDF_BYTES)
        )
        imported = factory.Trait(
            status=AgreementStatus.SIGNED,
            starts_on=datetime.date(2018, 1, 1),
            ends_on=datetime.date(2018, 12, 31),
            imported_for_year=2018,
        )
