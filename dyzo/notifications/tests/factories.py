import datetime

import factory

from django.contrib.contenttypes.models import ContentType

from dyzo.accounts.tests.factories import UserFactory
from dyzo.notifications.constants import Delivery, EmailMode
from dyzo.notifications.models import Notification, NotificationPreference


class NotificationFactory(factory.django.DjangoModelFactory):
    """A notification about a user (any object will do for the list and the header)."""

    class Meta:
        model = Notification

    recipient = factory.SubFactory(UserFactory)
    event = "dossier.assigned"
    key = factory.Sequence(lambda n: f"test:{n}")
    content_type = factory.LazyFunction(
        lambda: ContentType.objects.get_by_natural_key("accounts", "user")
    )
    object_id = factory.SelfAttribute("recipient.pk")
    params = factory.LazyAttribute(lambda n: {"reference": f"2026-{n.key[-4:]:0>4}"})
    url = "/"
    delivery = Delivery.NONE

    class Params:
        read = factory.Trait(read_at=factory.Faker("date_time", tzinfo=datetime.UTC))
        waiting_for_digest = factory.Trait(delivery=Delivery.DIGEST)


class NotificationPreferenceFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = NotificationPreference
        django_get_or_create = ["user"]

    user = factory.SubFactory(UserFactory)
    email_mode = EmailMode.IMMEDIATELY
    language = "nl-be"

    class Params:
        daily = factory.Trait(email_mode=EmailMode.DAILY)
        no_email = factory.Trait(email_mode=EmailMode.NEVER)
        english = factory.Trait(language="en")
