"""The tables of the parliamentary answer, built from the report data for every human
format (web page, PDF, XLSX): one definition of their columns and labels."""

import dataclasses

from django.utils.translation import gettext_lazy as _

from dyzo.insights.constants import Category
from dyzo.outreach.constants import DeclineReasonCode


@dataclasses.dataclass
class Table:
    key: str
    caption: str
    headers: list[str]
    rows: list[list]
    footer: list | None = None


FORM_COLUMNS = [
    (_("Annual agreement"), lambda row: row["annual_agreement"]),
    (_("Pay per case"), lambda row: row["pay_per_case"]),
    (_("Phone/mail only"), lambda row: row["remote_only"]),
    (_("Cooperating"), lambda row: row["cooperating"]),
    (_("No cooperation"), lambda row: row["none"]),
    (_("Municipalities"), lambda row: row["municipalities"]),
]
PARTY_COLUMNS = [
    (_("With the gemeente"), lambda row: row["agreement_party"]["gemeente"]),
    (_("With the OCMW"), lambda row: row["agreement_party"]["ocmw"]),
    (_("With both"), lambda row: row["agreement_party"]["both"]),
    (_("Annual agreements"), lambda row: row["annual_agreement"]),
]
NON_COOPERATING_COLUMNS = [
    (_("No cooperation"), lambda row: row["none"]),
    (_("Municipalities"), lambda row: row["municipalities"]),
    (_("Share (%)"), lambda row: share(row["none"], row["municipalities"])),
]


def share(part: int, whole: int) -> float:
    return round(100 * part / whole, 1) if whole else 0.0


def _province_table(report: dict, key: str, caption, columns) -> Table:
    def cells(row):
        return [getter(row) for _label, getter in columns]

    return Table(
        key=key,
        caption=str(caption),
        headers=[str(_("Province")), *(str(label) for label, _getter in columns)],
        rows=[[row["province"], *cells(row)] for row in report["provinces"]],
        footer=[str(_("Total")), *cells(report["total"])],
    )


def reason_label(code: str) -> str:
    return str(DeclineReasonCode(code).label) if code in DeclineReasonCode.values else code


def category_label(code: str) -> str:
    return str(Category(code).label)


def reasons_table(report: dict) -> Table:
    return Table(
        key="reasons",
        caption=str(_("Reasons for not cooperating (municipalities giving each reason)")),
        headers=[str(_("Reason")), str(_("Municipalities"))],
        rows=[[reason_label(r["reason"]), r["count"]] for r in report["non_cooperation_reasons"]],
    )


def report_tables(report: dict) -> list[Table]:
    """Province x form, annual agreements by party, non-cooperating per province, reasons."""
    year = report["year"]
    return [
        _province_table(
            report,
            "forms",
            _("Form of cooperation per province, %(year)s") % {"year": year},
            FORM_COLUMNS,
        ),
        _province_table(
            report,
            "parties",
            _("Annual agreements by party, %(year)s") % {"year": year},
            PARTY_COLUMNS,
        ),
        _province_table(
            report,
            "non_cooperating",
            _("Municipalities without cooperation per province, %(year)s") % {"year": year},
            NON_COOPERATING_COLUMNS,
        ),
        reasons_table(report),
    ]


def municipalities_table(report: dict) -> Table:
    return Table(
        key="municipalities",
        caption=str(_("Municipalities")),
        headers=[
            str(_("NIS code")),
            str(_("Name")),
            str(_("Province")),
            str(_("Form")),
            str(_("Party of the annual agreement")),
        ],
        rows=[
            [
                m["nis_code"],
                m["name"],
                m["province"],
                category_label(m["category"]),
                m["agreement_party"] or "",
            ]
            for m in report["municipalities"]
        ],
    )
