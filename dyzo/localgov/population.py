"""A later year's population from a Statbel CSV (docs/population.md): every line is read and
checked against the registry of that year before `services.load_population` stores any."""

import csv
import io

from django.utils.translation import gettext as _

from dyzo.localgov.models import Municipality
from dyzo.localgov.query import first_of_january
from dyzo.utils.errors import DomainError
from dyzo.utils.validators import POPULATION_VALIDATORS

COLUMNS = ["nis_code", "population"]
MAX_POPULATION = POPULATION_VALIDATORS[0].limit_value


class PopulationFileError(DomainError):
    """The file has problems; `problems` lists one message per problem, with its line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("The file has %(count)d problem(s).") % {"count": len(problems)})


def _rows(content: bytes) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """The header and the numbered lines; comma, semicolon or pipe separated."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise PopulationFileError([_("The file is not UTF-8 text.")])
    try:
        dialect = csv.Sniffer().sniff(text.split("\n", 1)[0], delimiters=",;|")
    except csv.Error:
        dialect = csv.excel
    lines = list(csv.reader(io.StringIO(text), dialect))
    if not lines:
        raise PopulationFileError([_("The file is empty.")])
    header = [cell.strip().lower() for cell in lines[0]]
    numbered = [(number, row) for number, row in enumerate(lines[1:], start=2) if any(row)]
    return header, numbered


def _inhabitants(raw: str) -> int | None:
    digits = raw.strip().replace(".", "").replace(" ", "")
    if not digits.isdigit():
        return None
    value = int(digits)
    return value if 0 < value <= MAX_POPULATION else None


def read_population_file(content: bytes, year: int) -> dict[str, int]:
    """{NIS code: inhabitants} for every municipality that existed on 1 January of `year`, or
    PopulationFileError listing every problem: a wrong header, an unknown code, a code not in
    that year's registry, a code twice, a population that is not a whole number from 1 to
    10 million, a municipality of the year missing."""
    header, lines = _rows(content)
    if header != COLUMNS:
        raise PopulationFileError(
            [_("line 1: the header must be %(columns)s") % {"columns": ",".join(COLUMNS)}]
        )
    of_year = set(Municipality.objects.of_year(year).values_list("nis_code", flat=True))
    known = set(Municipality.objects.values_list("nis_code", flat=True))
    figures, problems = {}, []
    for number, row in lines:
        if len(row) != len(COLUMNS):
            problems.append(_("line %(line)d: expected 2 columns") % {"line": number})
            continue
        code, raw = row[0].strip(), row[1]
        values = {"line": number, "code": code, "year": year}
        if code not in known:
            problems.append(_("line %(line)d: unknown NIS code %(code)s") % values)
        elif code not in of_year:
            problems.append(
                _("line %(line)d: %(code)s did not exist on 1 January %(year)d") % values
            )
        elif code in figures:
            problems.append(_("line %(line)d: %(code)s appears twice") % values)
        elif (inhabitants := _inhabitants(raw)) is None:
            problems.append(
                _(
                    "line %(line)d: %(code)s: the population must be a whole number from 1 "
                    "to 10 million"
                )
                % values
            )
        else:
            figures[code] = inhabitants
    missing = sorted(of_year - set(figures))
    if missing and not problems:
        problems.append(
            _("%(count)d municipalities of %(year)d are missing: %(codes)s")
            % {"count": len(missing), "year": year, "codes": ", ".join(missing)}
        )
    if problems:
        raise PopulationFileError(problems)
    return figures


def check_year(year: int) -> None:
    """Refuse a year before the registry's data or without any municipality."""
    if not Municipality.objects.existing_on(first_of_january(year)).exists():
        raise PopulationFileError([_("No municipalities are known for %(year)d.") % {"year": year}])
