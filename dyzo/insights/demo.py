"""Demo data: the illustrative 2018 cooperation figures, so that the 2018 report is full,
and the app keeping its records since 1 January of last year (the demo's agreements start
then), so that the years in between say they have no data."""

import datetime
from pathlib import Path

from dyzo.insights.importing import read_cooperation_file
from dyzo.insights.services import import_cooperation, keep_cooperation_in_app

DATA_DIR = Path(__file__).resolve().parent / "data"
ILLUSTRATIVE_2018 = DATA_DIR / "cooperation_2018_illustrative.csv"


def build_demo(stdout) -> None:
    """Import the 2018 file again (the import replaces its own earlier records)."""
    rows = read_cooperation_file(ILLUSTRATIVE_2018.read_bytes(), 2018)
    summary = import_cooperation(2018, rows)
    stdout.write(
        f"Cooperation 2018 (illustrative): {summary.agreements} agreements, "
        f"{summary.advice_entries} phone/mail placeholders, "
        f"{summary.decline_reasons} decline reasons."
    )
    since = datetime.date(datetime.date.today().year - 1, 1, 1)
    keep_cooperation_in_app(since)
    stdout.write(f"Cooperation records kept in the app since {since.isoformat()}.")
