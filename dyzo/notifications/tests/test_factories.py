import pytest

from dyzo.notifications.constants import Delivery, EmailMode
from dyzo.notifications.tests.factories import NotificationFactory, NotificationPreferenceFactory


@pytest.mark.parametrize(
    ("traits", "check"),
    [
        ({}, lambda n: not n.is_read and n.delivery == Delivery.NONE),
        ({"read": True}, lambda n: n.is_read),
        ({"waiting_for_digest": True}, lambda n: n.delivery == Delivery.DIGEST),
    ],
)
def test_notification_traits_build(db, traits, check):
    assert check(NotificationFactory(**traits))


@pytest.mark.parametrize(
    ("traits", "mode", "language"),
    [
        ({}, EmailMode.IMMEDIATELY, "nl-be"),
        ({"daily": True}, EmailMode.DAILY, "nl-be"),
        ({"no_email": True}, EmailMode.NEVER, "nl-be"),
        ({"english": True}, EmailMode.IMMEDIATELY, "en"),
    ],
)
def test_preference_traits_build(db, traits, mode, language):
    preference = NotificationPreferenceFactory(**traits)
    assert (preference.email_mode, preference.language) == (mode, language)
