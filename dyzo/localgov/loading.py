"""Reading and loading the reference data of the local-government registry.

The files are the project's copies of Dyzo's shared reference data (see data/SOURCES.md). Each
municipality list is the set in force from a date; a code that leaves the set ends the day
before the next list starts, and must then appear in mergers.csv.
"""

import csv
import dataclasses
import datetime
from pathlib import Path

from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Merger, Municipality, Party, Population, Province

# (file, first day the set is in force or None for "since before the data", population columns)
MUNICIPALITY_LISTS = [
    ("municipalities_2018.csv", None, {"population_2018_01_01": 2018}),
    (
        "municipalities_2019.csv",
        datetime.date(2019, 1, 1),
        {"population_2019_01_01": 2019, "population_2020_01_01": 2020},
    ),
    ("municipalities_2025.csv", datetime.date(2025, 1, 1), {}),
]
LIST_COLUMNS = {"nis_code", "name_nl", "name_fr", "arrondissement_nl", "province", "province_nis"}
MERGER_COLUMNS = {"effective_date", "old_nis", "new_nis"}


class ReferenceDataError(Exception):
    """A reference data file is missing, malformed or inconsistent."""


@dataclasses.dataclass
class MunicipalityRow:
    nis_code: str
    name: str
    name_fr: str
    arrondissement: str
    province_nis: str
    province: str
    valid_from: datetime.date | None = None
    valid_to: datetime.date | None = None


@dataclasses.dataclass
class RegistryData:
    provinces: dict[str, str]
    municipalities: dict[str, MunicipalityRow]
    mergers: list[tuple[datetime.date, str, str]]
    populations: dict[tuple[str, int], int]


def _read_csv(path: Path, required: set[str]) -> list[tuple[int, dict]]:
    if not path.exists():
        raise ReferenceDataError(_("File not found: %(file)s") % {"file": path.name})
    with path.open(newline="", encoding="utf-8") as handle:
        reader = csv.DictReader(handle)
        missing = required - set(reader.fieldnames or [])
        if missing:
            raise ReferenceDataError(
                _("%(file)s lacks the columns: %(columns)s")
                % {"file": path.name, "columns": ", ".join(sorted(missing))}
            )
        return list(enumerate(reader, start=2))


def _nis_code(value: str, path: Path, line: int) -> str:
    value = (value or "").strip()
    if len(value) != 5 or not value.isdigit():
        raise ReferenceDataError(
            _("%(file)s line %(line)d: %(value)r is not a 5-digit NIS code")
            % {"file": path.name, "line": line, "value": value}
        )
    return value


def _whole_number(value: str, path: Path, line: int) -> int:
    try:
        number = int(value)
    except (TypeError, ValueError):
        number = -1
    if number < 0:
        raise ReferenceDataError(
            _("%(file)s line %(line)d: %(value)r is not a population figure")
            % {"file": path.name, "line": line, "value": value}
        )
    return number


def read_registry(data_dir: Path) -> RegistryData:
    """Read and check every file; raise ReferenceDataError on the first fault."""
    data = RegistryData(provinces={}, municipalities={}, mergers=[], populations={})
    previous: set[str] = set()
    for file_name, starts, population_columns in MUNICIPALITY_LISTS:
        path = data_dir / file_name
        current = _read_list(path, data, starts, population_columns)
        for gone in previous - current:
            data.municipalities[gone].valid_to = starts - datetime.timedelta(days=1)
        for new in current - previous if previous else ():
            data.municipalities[new].valid_from = starts
        previous = current
    _read_mergers(data_dir / "mergers.csv", data)
    return data


def _read_list(path, data, starts, population_columns) -> set[str]:
    codes = set()
    for line, row in _read_csv(path, LIST_COLUMNS | set(population_columns)):
        code = _nis_code(row["nis_code"], path, line)
        province_nis = _nis_code(row["province_nis"], path, line)
        name = (row["name_nl"] or "").strip()
        if not name or not (row["province"] or "").strip() or code in codes:
            raise ReferenceDataError(
                _("%(file)s line %(line)d: empty name or province, or a code listed twice")
                % {"file": path.name, "line": line}
            )
        codes.add(code)
        data.provinces[province_nis] = row["province"].strip()
        data.municipalities[code] = MunicipalityRow(
            nis_code=code,
            name=name,
            name_fr=(row["name_fr"] or "").strip(),
            arrondissement=(row["arrondissement_nl"] or "").strip(),
            province_nis=province_nis,
            province=row["province"].strip(),
            valid_from=data.municipalities[code].valid_from
            if code in data.municipalities
            else None,
        )
        for column, year in population_columns.items():
            data.populations[code, year] = _whole_number(row[column], path, line)
    return codes


def _read_mergers(path: Path, data: RegistryData) -> None:
    for line, row in _read_csv(path, MERGER_COLUMNS):
        old = _nis_code(row["old_nis"], path, line)
        new = _nis_code(row["new_nis"], path, line)
        try:
            effective = datetime.date.fromisoformat(row["effective_date"])
        except (TypeError, ValueError):
            raise ReferenceDataError(
                _("%(file)s line %(line)d: %(value)r is not a date (YYYY-MM-DD)")
                % {"file": path.name, "line": line, "value": row["effective_date"]}
            ) from None
        if old not in data.municipalities or new not in data.municipalities:
            raise ReferenceDataError(
                _("%(file)s line %(line)d: unknown NIS code") % {"file": path.name, "line": line}
            )
        # A municipality that absorbs another and keeps its code (Antwerpen, 2025) is listed
        # as its own constituent; that is no link between two registry rows.
        if old != new:
            data.mergers.append((effective, old, new))
    merged = {old for _date, old, _new in data.mergers}
    for code, row in data.municipalities.items():
        if row.valid_to is not None and code not in merged:
            raise ReferenceDataError(
                _("%(code)s %(name)s leaves the lists but has no merger in %(file)s")
                % {"code": code, "name": row.name, "file": path.name}
            )


@transaction.atomic
def load_registry(data: RegistryData) -> dict[str, int]:
    """Write the registry so that it equals `data`; running it twice changes nothing."""
    provinces = {}
    for nis_code, name in data.provinces.items():
        provinces[nis_code], _created = Province.objects.update_or_create(
            nis_code=nis_code, defaults={"name": name}
        )
    municipalities = {}
    for row in data.municipalities.values():
        municipalities[row.nis_code], _created = Municipality.objects.update_or_create(
            nis_code=row.nis_code,
            defaults={
                "name": row.name,
                "name_fr": row.name_fr,
                "arrondissement": row.arrondissement,
                "province": provinces[row.province_nis],
                "valid_from": row.valid_from,
                "valid_to": row.valid_to,
            },
        )
    existing_parties = set(Party.objects.values_list("municipality_id", "kind"))
    Party.objects.bulk_create(
        Party(municipality=municipality, kind=kind)
        for municipality in municipalities.values()
        for kind in PartyKind.values
        if (municipality.pk, kind) not in existing_parties
    )
    for effective, old, new in data.mergers:
        Merger.objects.update_or_create(
            predecessor=municipalities[old],
            defaults={"successor": municipalities[new], "effective_date": effective},
        )
    for (code, year), inhabitants in data.populations.items():
        Population.objects.update_or_create(
            municipality=municipalities[code], year=year, defaults={"inhabitants": inhabitants}
        )
    return {
        "provinces": len(provinces),
        "municipalities": len(municipalities),
        "mergers": len(data.mergers),
        "populations": len(data.populations),
    }
