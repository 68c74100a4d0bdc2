"""Demo data: the illustrative 2018 cooperation figures, so that the 2018 report is full."""

from pathlib import Path

from dyzo.insights.importing import read_cooperation_file
from dyzo.insights.services import import_cooperation

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
