import dataclasses
import datetime

from dyzo.insights.constants import FIRST_YEAR, DataSource


def last_year() -> int:
    """Reports reach one year ahead, for agreements already signed for next year."""
    return datetime.date.today().year + 1


def report_years() -> list[int]:
    return list(range(last_year(), FIRST_YEAR - 1, -1))


def is_report_year(year: int) -> bool:
    return FIRST_YEAR <= year <= last_year()


@dataclasses.dataclass(frozen=True)
class YearData:
    """Whether cooperation data exists for `year`, and where it comes from. `kept_since` is
    set when the app began keeping records during that very year (the year is partial)."""

    year: int
    source: str | None = None
    kept_since: datetime.date | None = None

    @property
    def available(self) -> bool:
        return self.source is not None

    def as_dict(self) -> dict:
        """The `data` field of the report's JSON and API answer."""
        return {
            "available": self.available,
            "source": self.source,
            "kept_since": self.kept_since.isoformat() if self.kept_since else None,
        }


def data_of_years(years) -> dict[int, YearData]:
    """`YearData` for each of `years`: imported beats the app; the app covers the year of
    its first day (partially, unless it is 1 January) and every later year. One query."""
    from dyzo.insights.models import CooperationData

    rows = list(CooperationData.objects.values_list("source", "year", "kept_since"))
    imported = {year for source, year, _since in rows if source == DataSource.IMPORTED}
    app_since = next((since for source, _y, since in rows if source == DataSource.APP), None)
    result = {}
    for year in years:
        if year in imported:
            result[year] = YearData(year, DataSource.IMPORTED)
        elif app_since is not None and app_since.year <= year:
            partial = app_since.year == year and (app_since.month, app_since.day) != (1, 1)
            result[year] = YearData(year, DataSource.APP, app_since if partial else None)
        else:
            result[year] = YearData(year)
    return result


def data_of_year(year: int) -> YearData:
    return data_of_years([year])[year]
