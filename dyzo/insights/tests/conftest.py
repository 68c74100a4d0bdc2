import pytest

from dyzo.insights.demo import ILLUSTRATIVE_2018
from dyzo.insights.importing import read_cooperation_file
from dyzo.insights.services import import_cooperation

# The published 2018 figures (see dyzo/localgov/data/SOURCES.md): per province the annual
# agreements, of which with the gemeente and with the OCMW, per case, phone/mail only,
# cooperating, none, municipalities.
PUBLISHED_2018 = {
    "Antwerpen": (18, 0, 18, 11, 1, 30, 40, 70),
    "Limburg": (4, 1, 3, 6, 1, 11, 33, 44),
    "Oost-Vlaanderen": (17, 4, 13, 9, 1, 27, 38, 65),
    "Vlaams-Brabant": (18, 1, 17, 8, 0, 26, 39, 65),
    "West-Vlaanderen": (54, 1, 53, 1, 0, 55, 9, 64),
}
PUBLISHED_2018_TOTAL = (111, 7, 104, 35, 3, 149, 159, 308)
PUBLISHED_2018_REASONS = [
    ("cost_too_high", 52),
    ("no_need_perceived", 44),
    ("helps_target_group_itself", 13),
]


def published_row(row: dict) -> tuple:
    """A report row (province or total) in the order of the published table."""
    parties = row["agreement_party"]
    return (
        row["annual_agreement"],
        parties["gemeente"],
        parties["ocmw"],
        row["pay_per_case"],
        row["remote_only"],
        row["cooperating"],
        row["none"],
        row["municipalities"],
    )


@pytest.fixture
def imported_2018(db, registry):
    """The illustrative 2018 file, imported."""
    return import_cooperation(2018, read_cooperation_file(ILLUSTRATIVE_2018.read_bytes(), 2018))
