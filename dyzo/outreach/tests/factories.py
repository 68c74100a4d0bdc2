import datetime

import factory

from dyzo.accounts.tests.factories import UserFactory
from dyzo.localgov.models import Municipality
from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.models import Contact, DeclineReason


def municipality(nis_code: str) -> Municipality:
    return Municipality.objects.get(nis_code=nis_code)


class ContactFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Contact

    municipality = factory.LazyFunction(lambda: municipality("44021"))
    kind = ContactKind.MEETING
    happened_on = factory.LazyFunction(lambda: datetime.date.today() - datetime.timedelta(days=30))
    coordinator = factory.SubFactory(UserFactory, coordinator=True)
    with_whom = "Diensthoofd sociale dienst"
    notes = "Interesse in een jaarovereenkomst."

    class Params:
        due = factory.Trait(
            follow_up_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=1)
            )
        )
        later = factory.Trait(
            follow_up_on=factory.LazyFunction(
                lambda: datetime.date.today() + datetime.timedelta(days=14)
            )
        )
        done = factory.Trait(
            follow_up_on=factory.LazyFunction(
                lambda: datetime.date.today() - datetime.timedelta(days=1)
            ),
            follow_up_done=True,
        )


class DeclineReasonFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = DeclineReason

    municipality = factory.LazyFunction(lambda: municipality("41002"))
    year = 2026
    code = DeclineReasonCode.COST_TOO_HIGH

    class Params:
        other = factory.Trait(code=DeclineReasonCode.OTHER, text="Eigen schuldhulpdienst")
        from_import = factory.Trait(year=2018, imported=True)
