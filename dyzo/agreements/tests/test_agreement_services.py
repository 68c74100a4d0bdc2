import datetime
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from dyzo.agreements import services
from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.errors import AgreementError, AgreementTransitionError
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import (
    PDF_BYTES,
    AgreementFactory,
    TariffScheduleFactory,
    municipality,
)
from dyzo.audit.models import AuditEntry

JAN_2026 = datetime.date(2026, 1, 1)


def pdf(name="signed.pdf", content=PDF_BYTES):
    return SimpleUploadedFile(name, content, content_type="application/pdf")


def snapshot():
    return list(Agreement.objects.order_by("pk").values()), AuditEntry.objects.count()


@pytest.fixture
def tariffs(db):
    return TariffScheduleFactory(year=2026)


def create(coordinator, **overrides):
    fields = {"party": AgreementParty.OCMW, "form": AgreementForm.ANNUAL, "starts_on": JAN_2026}
    fields.update(overrides)
    nis_code = fields.pop("nis_code", "44021")
    return services.create_agreement(municipality(nis_code), actor=coordinator, **fields)


def test_create_proposes_the_annual_fee_from_population_and_tariffs(registry, tariffs, coordinator):
    agreement = create(coordinator)
    assert agreement.status == AgreementStatus.DRAFT
    assert agreement.annual_fee == Decimal("12000.00")  # Gent: more than 100,000 inhabitants
    assert agreement.fee_enterprise_scan is None
    entry = AuditEntry.objects.get(code="agreement.created")
    assert entry.actor_id == coordinator.pk


def test_create_keeps_a_fee_that_was_given(registry, tariffs, coordinator):
    assert create(coordinator, annual_fee=Decimal("9000")).annual_fee == Decimal("9000")


def test_create_per_case_takes_the_case_prices_of_the_start_year(registry, tariffs, coordinator):
    agreement = create(coordinator, nis_code="41002", form=AgreementForm.PAY_PER_CASE)
    assert agreement.annual_fee is None
    assert agreement.fee_enterprise_scan == Decimal("750.00")
    assert agreement.fee_social_pre_investigation == Decimal("450.00")


@pytest.mark.parametrize(
    "overrides",
    [
        {"ends_on": datetime.date(2025, 12, 31)},  # ends before it starts
        {"nis_code": "46003"},  # Beveren no longer exists in 2026
        {"nis_code": "46030", "starts_on": datetime.date(2024, 1, 1)},  # not yet in 2024
        {"party": "mayor"},
        {"form": "barter"},
        {"annual_fee": Decimal("-1")},
    ],
)
def test_create_refuses_bad_terms_and_changes_nothing(registry, tariffs, coordinator, overrides):
    before = snapshot()
    with pytest.raises(AgreementError):
        create(coordinator, **overrides)
    assert snapshot() == before


def test_update_changes_a_draft(registry, coordinator):
    agreement = AgreementFactory()
    services.update_agreement(agreement, actor=coordinator, annual_fee=Decimal("11000"))
    agreement.refresh_from_db()
    assert agreement.annual_fee == Decimal("11000")
    assert AuditEntry.objects.filter(code="agreement.updated").count() == 1


def test_update_of_a_signed_agreement_only_changes_notes(registry, coordinator):
    agreement = AgreementFactory(signed=True)
    services.update_agreement(agreement, actor=coordinator, notes="Verlengd met een jaar?")
    before = snapshot()
    with pytest.raises(AgreementTransitionError):
        services.update_agreement(agreement, actor=coordinator, annual_fee=Decimal("1"))
    assert snapshot() == before
    assert Agreement.objects.get().notes == "Verlengd met een jaar?"


def test_update_refuses_unknown_fields(registry, coordinator):
    with pytest.raises(AgreementError):
        services.update_agreement(AgreementFactory(), actor=coordinator, status="signed")


def test_propose_needs_a_draft_with_a_fee(registry, coordinator):
    agreement = services.propose_agreement(AgreementFactory(), actor=coordinator)
    assert agreement.status == AgreementStatus.PROPOSED
    with pytest.raises(AgreementTransitionError):
        services.propose_agreement(agreement, actor=coordinator)
    with pytest.raises(AgreementError):
        services.propose_agreement(AgreementFactory(annual_fee=None), actor=coordinator)


def test_sign_with_document(registry, coordinator):
    agreement = AgreementFactory(proposed=True)
    signed_on = datetime.date(2025, 12, 20)
    services.sign_agreement(agreement, actor=coordinator, signed_on=signed_on, document=pdf())
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED
    assert agreement.signed_on == signed_on
    with agreement.document.open("rb") as handle:
        assert handle.read() == PDF_BYTES
    entry = AuditEntry.objects.get(code="agreement.signed")
    assert entry.data == {"signed_on": "2025-12-20", "without_document": False}


def test_sign_without_document_needs_explicit_confirmation(registry, coordinator):
    agreement = AgreementFactory()
    before = snapshot()
    with pytest.raises(AgreementError):
        services.sign_agreement(agreement, actor=coordinator, signed_on=JAN_2026)
    assert snapshot() == before
    services.sign_agreement(agreement, actor=coordinator, signed_on=JAN_2026, without_document=True)
    assert Agreement.objects.get().status == AgreementStatus.SIGNED


@pytest.mark.parametrize(
    ("factory_kwargs", "sign_kwargs"),
    [
        ({"signed": True}, {}),  # already signed
        ({"terminated": True}, {}),
        ({}, {"signed_on": datetime.date.today() + datetime.timedelta(days=1)}),
        ({}, {"signed_on": None}),
        ({"annual_fee": None}, {}),
        ({}, {"document": pdf(content=b"<html>not a pdf</html>")}),
        ({}, {"document": pdf(name="signed.exe")}),
    ],
)
def test_sign_refuses_and_changes_nothing(registry, coordinator, factory_kwargs, sign_kwargs):
    agreement = AgreementFactory(**factory_kwargs)
    kwargs = {"signed_on": JAN_2026, "without_document": True, **sign_kwargs}
    before = snapshot()
    with pytest.raises(AgreementError):
        services.sign_agreement(agreement, actor=coordinator, **kwargs)
    assert snapshot() == before


def test_sign_refuses_an_overlapping_agreement_of_the_same_form(registry, coordinator):
    AgreementFactory(signed=True, party=AgreementParty.BOTH)
    second = AgreementFactory(party=AgreementParty.OCMW, starts_on=datetime.date(2026, 6, 1))
    with pytest.raises(AgreementError):
        services.sign_agreement(
            second, actor=coordinator, signed_on=JAN_2026, without_document=True
        )
    # A per-case agreement beside the subscription is another form: allowed.
    per_case = AgreementFactory(per_case=True)
    services.sign_agreement(per_case, actor=coordinator, signed_on=JAN_2026, without_document=True)


def test_sign_allows_a_new_agreement_after_the_old_one_ended(registry, coordinator):
    AgreementFactory(terminated=True)  # ends 30 June 2026
    later = AgreementFactory(starts_on=datetime.date(2026, 7, 1))
    services.sign_agreement(later, actor=coordinator, signed_on=JAN_2026, without_document=True)
    assert later.status == AgreementStatus.SIGNED


def test_terminate_sets_the_end_date(registry, coordinator):
    agreement = AgreementFactory(signed=True)
    ends_on = datetime.date(2026, 9, 30)
    services.terminate_agreement(agreement, actor=coordinator, ends_on=ends_on)
    agreement.refresh_from_db()
    assert (agreement.status, agreement.ends_on) == (AgreementStatus.TERMINATED, ends_on)
    assert agreement.is_in_force_on(ends_on)
    assert not agreement.is_in_force_on(ends_on + datetime.timedelta(days=1))


@pytest.mark.parametrize(
    ("factory_kwargs", "ends_on"),
    [
        ({}, datetime.date(2026, 9, 30)),  # a draft
        ({"terminated": True}, datetime.date(2026, 5, 30)),  # already terminated
        ({"signed": True}, datetime.date(2025, 12, 31)),  # before the start
        ({"signed": True, "ends_on": datetime.date(2026, 12, 31)}, datetime.date(2027, 6, 30)),
    ],
)
def test_terminate_refuses_and_changes_nothing(registry, coordinator, factory_kwargs, ends_on):
    agreement = AgreementFactory(**factory_kwargs)
    before = snapshot()
    with pytest.raises(AgreementError):
        services.terminate_agreement(agreement, actor=coordinator, ends_on=ends_on)
    assert snapshot() == before


def test_attach_document_checks_the_content(registry, coordinator):
    agreement = AgreementFactory(signed=True)
    before = snapshot()
    with pytest.raises(AgreementError):
        services.attach_document(agreement, actor=coordinator, document=pdf(content=b"MZ\x90"))
    assert snapshot() == before
    services.attach_document(agreement, actor=coordinator, document=pdf())
    assert Agreement.objects.get().document.name.endswith(".pdf")


@pytest.mark.issue(9)
def test_switching_from_subscription_to_per_case_clears_the_annual_fee(
    registry, tariffs, coordinator
):
    agreement = create(coordinator, annual_fee=Decimal("9000"))

    services.update_agreement(agreement, actor=coordinator, form=AgreementForm.PAY_PER_CASE)

    agreement.refresh_from_db()
    assert agreement.annual_fee is None
    assert (agreement.fee_enterprise_scan, agreement.fee_social_pre_investigation) == (
        tariffs.price_enterprise_scan,
        tariffs.price_social_pre_investigation,
    )


@pytest.mark.issue(9)
def test_switching_back_to_a_subscription_clears_the_case_fees(registry, tariffs, coordinator):
    agreement = create(coordinator, form=AgreementForm.PAY_PER_CASE)

    services.update_agreement(agreement, actor=coordinator, form=AgreementForm.ANNUAL)

    agreement.refresh_from_db()
    assert (agreement.fee_enterprise_scan, agreement.fee_social_pre_investigation) == (None, None)
    assert agreement.annual_fee is not None


@pytest.mark.issue(9)
def test_two_simultaneous_signings_of_overlapping_agreements_sign_one(
    live_registry, coordinator, monkeypatch
):
    """The overlap check and the signature hold the municipality's lock together. On SQLite
    the write lock taken at BEGIN already serialises them; PostgreSQL needs the row lock."""
    import threading

    from django.db import connection

    first, second = AgreementFactory(proposed=True), AgreementFactory(proposed=True)
    checked = threading.Event()
    check = services._overlapping_signed

    def slow_check(agreement):
        found = check(agreement)
        exists = found.exists()
        if agreement.pk == first.pk:
            # Before the lock, the second signing checked here too and found nothing yet.
            checked.wait(timeout=1)
        else:
            checked.set()
        return found if exists else found.none()

    monkeypatch.setattr(services, "_overlapping_signed", slow_check)
    outcomes = {}

    def sign(agreement):
        try:
            services.sign_agreement(
                agreement, actor=coordinator, signed_on=JAN_2026, without_document=True
            )
            outcomes[agreement.pk] = "signed"
        except AgreementError:
            outcomes[agreement.pk] = "refused"
        finally:
            connection.close()

    threads = [threading.Thread(target=sign, args=(agreement,)) for agreement in (first, second)]
    threads[0].start()
    threads[1].start()
    for thread in threads:
        thread.join(timeout=60)

    assert sorted(outcomes.values()) == ["refused", "signed"]
    assert Agreement.objects.filter(status=AgreementStatus.SIGNED).count() == 1
