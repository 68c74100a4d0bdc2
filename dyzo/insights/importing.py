"""Reading and checking a year's historical cooperation file (see docs/cooperation-report.md).

Every line is checked before anything is stored; the problems of all lines are reported
together, so that a file can be fixed in one go.
"""

import csv
import dataclasses
import io

from django.utils.translation import gettext as _

from dyzo.agreements.constants import AgreementParty
from dyzo.insights.constants import Category
from dyzo.localgov.models import Municipality
from dyzo.localgov.query import first_of_january
from dyzo.outreach.constants import DeclineReasonCode
from dyzo.utils.errors import DomainError

COLUMNS = ["nis_code", "form", "party", "reasons"]
AGREEMENT_FORMS = (Category.ANNUAL_AGREEMENT, Category.PAY_PER_CASE)
REASON_TEXT_LIMIT = 300


class CooperationFileError(DomainError):
    """The file has problems; `problems` lists one message per problem, with its line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__(_("The file has %(count)d problem(s).") % {"count": len(problems)})


@dataclasses.dataclass
class CooperationRow:
    line: int
    municipality: Municipality
    form: str
    party: str
    reasons: list[tuple[str, str]]


def _reasons(raw: str) -> tuple[list[tuple[str, str]], list[str]]:
    """`code;code;other:free text` as (code, text) pairs, and the problems found."""
    reasons, problems = [], []
    for item in (part.strip() for part in raw.split(";")):
        if not item:
            continue
        code, _colon, text = (piece.strip() for piece in item.partition(":"))
        if code not in DeclineReasonCode.values:
            problems.append(_("unknown reason %(reason)r") % {"reason": item})
        elif code == DeclineReasonCode.OTHER and not text:
            problems.append(_("reason 'other' needs a text: other:…"))
        elif code != DeclineReasonCode.OTHER and _colon:
            problems.append(_("only 'other' takes a text, not %(reason)r") % {"reason": item})
        elif len(text) > REASON_TEXT_LIMIT:
            problems.append(_("the text of 'other' is longer than 300 characters"))
        elif (code, text) in reasons:
            problems.append(_("reason %(reason)r given twice") % {"reason": item})
        else:
            reasons.append((code, text))
    return reasons, problems


def _form_problems(form: str, party: str, reasons: str) -> list[str]:
    if form not in Category.values:
        return [_("unknown form %(form)r") % {"form": form}]
    if form in AGREEMENT_FORMS:
        problems = []
        if not party:
            problems.append(_("form %(form)s needs a party") % {"form": form})
        elif party not in AgreementParty.values:
            problems.append(_("unknown party %(party)r") % {"party": party})
        if reasons:
            problems.append(_("form %(form)s takes no reasons") % {"form": form})
        return problems
    if party:
        return [_("form %(form)s takes no party") % {"form": form}]
    return []


class _Checker:
    def __init__(self, year: int):
        self.year = year
        self.on = first_of_january(year)
        self.by_code = Municipality.objects.in_bulk(field_name="nis_code")
        self.seen: dict[str, int] = {}

    def municipality(self, nis_code: str, line: int) -> tuple[Municipality | None, list[str]]:
        municipality = self.by_code.get(nis_code)
        if municipality is None:
            return None, [_("unknown NIS code %(code)r") % {"code": nis_code}]
        if not municipality.existed_on(self.on):
            message = _("%(name)s (%(code)s) did not exist on 1 January %(year)d")
            return None, [
                message % {"name": municipality.name, "code": nis_code, "year": self.year}
            ]
        if nis_code in self.seen:
            message = _("%(code)s appears twice (first on line %(first)d)")
            return None, [message % {"code": nis_code, "first": self.seen[nis_code]}]
        self.seen[nis_code] = line
        return municipality, []

    def row(self, line: int, values: dict) -> tuple[CooperationRow | None, list[str]]:
        if None in values:
            return None, [_("more columns than the header")]
        nis_code, form, party, raw_reasons = ((values.get(c) or "").strip() for c in COLUMNS)
        municipality, problems = self.municipality(nis_code, line)
        problems += _form_problems(form, party, raw_reasons)
        reasons, reason_problems = _reasons(raw_reasons)
        if form not in AGREEMENT_FORMS:
            problems += reason_problems
        if problems:
            return None, problems
        return CooperationRow(line, municipality, form, party, reasons), []


def read_cooperation_file(content: bytes, year: int) -> list[CooperationRow]:
    """The checked rows of a cooperation file; raises CooperationFileError listing every
    problem by line number when there is any. One query."""
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise CooperationFileError([_("line 1: the file is not UTF-8 text")])
    reader = csv.DictReader(io.StringIO(text, newline=""))
    if reader.fieldnames is None or [f.strip() for f in reader.fieldnames] != COLUMNS:
        header = ",".join(COLUMNS)
        raise CooperationFileError(
            [_("line 1: the header must be %(header)s") % {"header": header}]
        )
    checker, rows, problems = _Checker(year), [], []
    for values in reader:
        line = reader.line_num  # The physical line, also after a quoted line break.
        row, row_problems = checker.row(line, values)
        problems += [
            _("line %(line)d: %(problem)s") % {"line": line, "problem": p} for p in row_problems
        ]
        if row:
            rows.append(row)
    if problems:
        raise CooperationFileError(problems)
    return rows


def forms_differing_from_file(year: int, rows: list[CooperationRow]) -> list[tuple[str, str, str]]:
    """(NIS code, form in the file, form now) for every municipality whose form the app's
    other records change, e.g. an agreement entered by hand for that year."""
    from dyzo.insights.classification import classify_year

    expected = {row.municipality.nis_code: row.form for row in rows}
    return [
        (
            form.municipality.nis_code,
            expected.get(form.municipality.nis_code, Category.NONE),
            form.category,
        )
        for form in classify_year(year)
        if form.category != expected.get(form.municipality.nis_code, Category.NONE)
    ]
