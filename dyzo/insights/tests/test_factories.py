import pytest

from dyzo.insights.constants import Category
from dyzo.insights.importing import read_cooperation_file
from dyzo.insights.tests.factories import CooperationLineFactory, cooperation_file


@pytest.mark.parametrize(
    ("traits", "form"),
    [
        ({}, Category.NONE),
        ({"annual": True}, Category.ANNUAL_AGREEMENT),
        ({"per_case": True}, Category.PAY_PER_CASE),
        ({"remote": True}, Category.REMOTE_ONLY),
        ({"declined": True}, Category.NONE),
        ({"remote": True, "declined": True}, Category.REMOTE_ONLY),
    ],
)
def test_each_trait_builds_a_valid_line(db, registry, traits, form):
    line = CooperationLineFactory(**traits)
    (row,) = read_cooperation_file(cooperation_file(line), 2018)
    assert row.form == form
    assert row.municipality.nis_code == "44021"
