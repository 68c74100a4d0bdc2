import datetime

from dyzo.insights.constants import FIRST_YEAR


def last_year() -> int:
    """Reports reach one year ahead, for agreements already signed for next year."""
    return datetime.date.today().year + 1


def report_years() -> list[int]:
    return list(range(last_year(), FIRST_YEAR - 1, -1))


def is_report_year(year: int) -> bool:
    return FIRST_YEAR <= year <= last_year()
