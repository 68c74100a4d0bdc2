import pytest

from dyzo.agreements.constants import AgreementForm, AgreementStatus
from dyzo.agreements.tests.factories import AgreementFactory, TariffScheduleFactory


def head_of(field_file) -> bytes:
    with field_file.open("rb") as handle:
        return handle.read(5)


@pytest.mark.parametrize(
    ("trait", "check"),
    [
        ({}, lambda a: a.status == AgreementStatus.DRAFT),
        ({"proposed": True}, lambda a: a.status == AgreementStatus.PROPOSED),
        ({"signed": True}, lambda a: a.is_signed and a.signed_on),
        ({"terminated": True}, lambda a: a.status == AgreementStatus.TERMINATED and a.ends_on),
        ({"per_case": True}, lambda a: a.form == AgreementForm.PAY_PER_CASE and not a.annual_fee),
        ({"with_document": True}, lambda a: head_of(a.document) == b"%PDF-"),
        ({"imported": True}, lambda a: a.imported_for_year == 2018 and a.is_signed),
    ],
)
def test_each_agreement_trait_builds(registry, trait, check):
    assert check(AgreementFactory(**trait))


def test_tariff_schedule_builds_with_brackets(db):
    schedule = TariffScheduleFactory(year=2030)
    assert schedule.brackets.count() == 4
    assert TariffScheduleFactory(year=2031, brackets=[]).brackets.count() == 0
