import datetime
from decimal import Decimal

import factory

from dyzo.billing.models import BillingParty
from dyzo.billing.services import create_draft, issue_invoice
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party

# Illustrative enterprise numbers: valid check digits, not the parties' real ones.
ILLUSTRATIVE_NUMBERS = ["0207123407", "0207234560", "0207345616", "0207456769"]


def _party(nis_code: str, kind: str) -> Party:
    return Party.objects.get(municipality__nis_code=nis_code, kind=kind)


class BillingPartyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = BillingParty
        django_get_or_create = ["party"]

    party = factory.LazyFunction(lambda: _party("44021", PartyKind.OCMW))
    legal_name = factory.LazyAttribute(lambda bp: str(bp.party))
    enterprise_number = factory.Sequence(lambda n: ILLUSTRATIVE_NUMBERS[n % 4])
    street = "Botermarkt 1"
    postal_code = "9000"
    city = "Gent"
    invoice_email = "facturen@example.org"
    illustrative = False

    class Params:
        with_order_reference = factory.Trait(
            requires_order_reference=True, order_reference="PO-2026-17"
        )
        of_aalst = factory.Trait(
            party=factory.LazyFunction(lambda: _party("41002", PartyKind.OCMW)),
            postal_code="9300",
            city="Aalst",
        )


def draft_invoice(buyer=None, *, amount="1200.00", actor=None, year=2026, **line):
    buyer = buyer or BillingPartyFactory()
    data = {"description": "Jaarabonnement Dyzo", "unit_price": Decimal(amount)}
    data.update(line)
    return create_draft(buyer, [data], actor=actor, year=year)


def issued_invoice(buyer=None, *, on=datetime.date(2026, 3, 2), actor=None, **kwargs):
    return issue_invoice(draft_invoice(buyer, actor=actor, **kwargs), actor=actor, on=on)
