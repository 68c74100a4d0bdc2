"""The report in each download format. Every renderer takes the report data of
report.build_report and returns bytes; the layouts are described in
docs/cooperation-report.md."""

import csv
import dataclasses
import io
import json

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from dyzo.insights.charts import bar_chart_svg, map_svg
from dyzo.insights.constants import Category, ReportFormat
from dyzo.insights.tables import municipalities_table, report_tables
from dyzo.utils.pdf import render_to_pdf

CONTENT_TYPES = {
    ReportFormat.JSON: "application/json",
    ReportFormat.CSV: "text/csv; charset=utf-8",
    ReportFormat.XLSX: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    ReportFormat.PDF: "application/pdf",
}

CSV_PROVINCE_COLUMNS = [
    "province",
    "annual_agreement",
    "annual_agreement_gemeente",
    "annual_agreement_ocmw",
    "annual_agreement_both",
    "pay_per_case",
    "remote_only",
    "none",
    "cooperating",
    "municipalities",
]


def render_json(report: dict) -> bytes:
    return json.dumps(report, ensure_ascii=False, indent=2).encode()


def _csv_province_row(label: str, row: dict) -> list:
    parties = row["agreement_party"]
    return [
        label,
        row[Category.ANNUAL_AGREEMENT],
        parties["gemeente"],
        parties["ocmw"],
        parties["both"],
        row[Category.PAY_PER_CASE],
        row[Category.REMOTE_ONLY],
        row[Category.NONE],
        row["cooperating"],
        row["municipalities"],
    ]


def render_csv(report: dict) -> bytes:
    """Four sections separated by an empty line, each opening with its header row:
    provinces (with a `total` row), reasons, municipalities, and whether the year has
    cooperation data. Codes, not labels."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(CSV_PROVINCE_COLUMNS)
    for row in report["provinces"]:
        writer.writerow(_csv_province_row(row["province"], row))
    writer.writerow(_csv_province_row("total", report["total"]))
    writer.writerow([])
    writer.writerow(["reason", "count"])
    writer.writerows([r["reason"], r["count"]] for r in report["non_cooperation_reasons"])
    writer.writerow([])
    columns = ["nis_code", "name", "province", "category", "agreement_party"]
    writer.writerow(columns)
    for row in report["municipalities"]:
        writer.writerow([row[column] or "" for column in columns])
    writer.writerow([])
    data = report["data"]
    writer.writerow(["data_available", "source", "kept_since"])
    writer.writerow(
        ["yes" if data["available"] else "no", data["source"] or "", data["kept_since"] or ""]
    )
    return buffer.getvalue().encode("utf-8")


def data_notice(report: dict) -> str:
    """One sentence on the year's data, for the formats without a page around them."""
    data = report["data"]
    if not data["available"]:
        return _(
            "No cooperation data exists for %(year)d: every municipality shows “none” for lack "
            "of records, not because it did not cooperate."
        ) % {"year": report["year"]}
    if data["kept_since"]:
        return _("Partial year: the app keeps the cooperation records since %(day)s.") % {
            "day": data["kept_since"]
        }
    return ""


def _write_sheet(sheet, table, notice: str = "") -> None:
    from openpyxl.styles import Font

    caption = f"{table.caption}. {notice}" if notice else table.caption
    sheet.append([caption])
    sheet["A1"].font = Font(bold=True)
    sheet.append(table.headers)
    for row in table.rows:
        sheet.append(row)
    if table.footer:
        sheet.append(table.footer)
        for cell in sheet[sheet.max_row]:
            cell.font = Font(bold=True)
    sheet.column_dimensions["A"].width = 24


def render_xlsx(report: dict) -> bytes:
    """Sheets: forms per province, annual agreements by party, reasons, municipalities.
    Row 1 is the caption (saying so when the year has no or partial data), row 2 the
    header, the last row of a province sheet the total."""
    from openpyxl import Workbook  # Only the XLSX download needs it.

    forms, parties, _non_cooperating, reasons = report_tables(report)
    workbook = Workbook()
    sheets = [
        (_("Per province"), forms),
        (_("By party"), parties),
        (_("Reasons"), reasons),
        (_("Municipalities"), municipalities_table(report)),
    ]
    workbook.remove(workbook.active)
    for title, table in sheets:
        _write_sheet(workbook.create_sheet(title[:31]), table, data_notice(report))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def render_pdf(report: dict) -> bytes:
    """Tables, bar chart and map as SVG, in the language active for the request."""
    context = {
        "report": report,
        "tables": [dataclasses.asdict(table) for table in report_tables(report)],
        "bar_chart": bar_chart_svg(report),
        "map": map_svg(report),
    }
    language = translation.get_language() or settings.LANGUAGE_CODE
    return render_to_pdf("insights/cooperation_report_pdf.html", context, language=language)


RENDERERS = {
    ReportFormat.JSON: render_json,
    ReportFormat.CSV: render_csv,
    ReportFormat.XLSX: render_xlsx,
    ReportFormat.PDF: render_pdf,
}


def render_report(report: dict, fmt: str) -> bytes:
    return RENDERERS[ReportFormat(fmt)](report)


def download_name(year: int, fmt: str) -> str:
    return f"cooperation-report-{year}.{ReportFormat(fmt).value}"
