import datetime

import pytest

from dyzo.audit.models import AuditEntry
from dyzo.outreach import services
from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.errors import OutreachError
from dyzo.outreach.models import Contact, DeclineReason
from dyzo.outreach.tests.factories import ContactFactory, DeclineReasonFactory, municipality

TODAY = datetime.date.today()


def snapshot():
    contacts = list(Contact.objects.order_by("pk").values())
    reasons = list(DeclineReason.objects.order_by("pk").values())
    return contacts, reasons, AuditEntry.objects.count()


def test_create_contact_defaults_the_coordinator_to_the_actor(registry, coordinator):
    contact = services.create_contact(
        municipality("44021"),
        actor=coordinator,
        kind=ContactKind.CALL,
        happened_on=TODAY,
        with_whom="  Schepen van sociale zaken ",
        follow_up_on=TODAY + datetime.timedelta(days=7),
    )
    assert contact.coordinator == coordinator
    assert contact.with_whom == "Schepen van sociale zaken"
    assert AuditEntry.objects.filter(code="contact.created").count() == 1


@pytest.mark.parametrize(
    "fields",
    [
        {"kind": "fax"},
        {"happened_on": TODAY + datetime.timedelta(days=1)},
        {"follow_up_on": TODAY - datetime.timedelta(days=1)},
    ],
)
def test_create_contact_refuses_bad_input_and_changes_nothing(registry, coordinator, fields):
    values = {"kind": ContactKind.MAIL, "happened_on": TODAY, **fields}
    before = snapshot()
    with pytest.raises(OutreachError):
        services.create_contact(municipality("44021"), actor=coordinator, **values)
    assert snapshot() == before


def test_moving_the_follow_up_reopens_it(registry, coordinator):
    contact = ContactFactory(done=True)
    later = TODAY + datetime.timedelta(days=3)
    services.update_contact(contact, actor=coordinator, follow_up_on=later, notes="Nieuw")
    contact.refresh_from_db()
    assert (contact.follow_up_on, contact.follow_up_done, contact.notes) == (later, False, "Nieuw")


def test_update_refuses_bad_dates_and_changes_nothing(registry, coordinator):
    contact = ContactFactory()
    before = snapshot()
    with pytest.raises(OutreachError):
        services.update_contact(
            contact, actor=coordinator, follow_up_on=contact.happened_on - datetime.timedelta(1)
        )
    with pytest.raises(OutreachError):
        services.update_contact(contact, actor=coordinator, municipality=None)
    assert snapshot() == before


def test_mark_follow_up_done(registry, coordinator):
    contact = services.mark_follow_up_done(ContactFactory(due=True), actor=coordinator)
    assert Contact.objects.get(pk=contact.pk).follow_up_done
    with pytest.raises(OutreachError):
        services.mark_follow_up_done(contact, actor=coordinator)
    with pytest.raises(OutreachError):
        services.mark_follow_up_done(ContactFactory(), actor=coordinator)


def test_follow_ups_due(registry):
    due = ContactFactory(due=True)
    ContactFactory(later=True)
    ContactFactory(done=True)
    ContactFactory()
    assert list(Contact.objects.follow_ups_due()) == [due]
    in_a_month = TODAY + datetime.timedelta(days=30)
    assert Contact.objects.follow_ups_due(in_a_month).count() == 2


def test_add_several_reasons_for_a_year(registry, coordinator):
    aalst = municipality("41002")
    for code in [DeclineReasonCode.COST_TOO_HIGH, DeclineReasonCode.NO_NEED_PERCEIVED]:
        services.add_decline_reason(aalst, actor=coordinator, year=2026, code=code)
    services.add_decline_reason(
        aalst, actor=coordinator, year=2026, code=DeclineReasonCode.OTHER, text=" Eigen dienst "
    )
    assert aalst.decline_reasons.count() == 3
    assert aalst.decline_reasons.get(code=DeclineReasonCode.OTHER).text == "Eigen dienst"


@pytest.mark.parametrize(
    ("nis_code", "year", "code", "text"),
    [
        ("41002", 2026, "too_far", ""),
        ("41002", 2026, DeclineReasonCode.OTHER, "  "),
        ("41002", 2026, DeclineReasonCode.COST_TOO_HIGH, ""),  # already there
        ("46003", 2026, DeclineReasonCode.COST_TOO_HIGH, ""),  # Beveren: gone since 2025
        ("46030", 2018, DeclineReasonCode.COST_TOO_HIGH, ""),  # not yet in 2018
    ],
)
def test_add_reason_refuses_and_changes_nothing(registry, coordinator, nis_code, year, code, text):
    DeclineReasonFactory()
    before = snapshot()
    with pytest.raises(OutreachError):
        services.add_decline_reason(
            municipality(nis_code), actor=coordinator, year=year, code=code, text=text
        )
    assert snapshot() == before


def test_remove_reason(registry, coordinator):
    reason = DeclineReasonFactory()
    services.remove_decline_reason(reason, actor=coordinator)
    assert not DeclineReason.objects.exists()
    assert AuditEntry.objects.filter(code="decline_reason.removed").count() == 1
