import datetime

import pytest

from dyzo.outreach.constants import DeclineReasonCode
from dyzo.outreach.models import Contact
from dyzo.outreach.tests.factories import ContactFactory, DeclineReasonFactory


@pytest.mark.parametrize(
    ("trait", "due"),
    [({}, False), ({"due": True}, True), ({"later": True}, False), ({"done": True}, False)],
)
def test_each_contact_trait_builds(registry, trait, due):
    contact = ContactFactory(**trait)
    assert (contact in Contact.objects.follow_ups_due(datetime.date.today())) is due


def test_each_decline_reason_trait_builds(registry):
    assert DeclineReasonFactory().code == DeclineReasonCode.COST_TOO_HIGH
    assert DeclineReasonFactory(other=True).text
    assert DeclineReasonFactory(from_import=True).imported
