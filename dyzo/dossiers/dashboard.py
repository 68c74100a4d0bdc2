"""The coordinator's dashboard as plain data: open dossiers by status and age, and the ones
that stay too long in one status. The view only renders it."""

import datetime

from django.conf import settings
from django.db.models import Case, Count, IntegerField, Value, When

from dyzo.dossiers.constants import DossierStatus

# Age buckets in days since the dossier was opened: (upper bound inclusive, label key).
AGE_BUCKETS = [(30, "0-30"), (90, "31-90"), (180, "91-180")]
OLDEST_BUCKET = ">180"


def overdue_days() -> int:
    """Days a dossier may stay in one open status (setting DYZO_DOSSIER_OVERDUE_DAYS)."""
    return settings.DYZO_DOSSIER_OVERDUE_DAYS


def age_table(dossiers, today: datetime.date) -> dict:
    """Counts of open dossiers per status and age bucket, in one query."""
    cases = [
        When(opened_on__gte=today - datetime.timedelta(days=upper), then=Value(index))
        for index, (upper, _label) in enumerate(AGE_BUCKETS)
    ]
    bucket = Case(*cases, default=Value(len(AGE_BUCKETS)), output_field=IntegerField())
    rows = (
        dossiers.open()
        .annotate(bucket=bucket)
        .values("status", "bucket")
        # COUNT(*), not COUNT(id): the open-dossier index then answers without the table.
        .annotate(count=Count("*"))
        .order_by()
    )
    labels = [label for _upper, label in AGE_BUCKETS] + [OLDEST_BUCKET]
    counts = {(row["status"], row["bucket"]): row["count"] for row in rows}
    table = [
        {
            "status": status,
            "label": DossierStatus(status).label,
            "counts": [counts.get((status, index), 0) for index in range(len(labels))],
        }
        for status in DossierStatus.open_values()
    ]
    for row in table:
        row["total"] = sum(row["counts"])
    return {"buckets": labels, "rows": table}


def chart_data(table: dict) -> dict:
    """The age table as plotly traces (one stacked bar per age bucket)."""
    return {
        "traces": [
            {
                "type": "bar",
                "name": bucket,
                "x": [str(row["label"]) for row in table["rows"]],
                "y": [row["counts"][index] for row in table["rows"]],
            }
            for index, bucket in enumerate(table["buckets"])
        ]
    }


def overdue(dossiers, today: datetime.date):
    return (
        dossiers.in_status_longer_than(overdue_days(), today)
        .select_related("entrepreneur", "municipality")
        .order_by("status_changed_on", "id")
    )


def summary(dossiers, today: datetime.date) -> dict:
    """Three counts, three queries: each is read from one index alone. One aggregate with
    filtered counts would read every dossier ever opened (docs/performance.md)."""
    return {
        "open": dossiers.open().count(),
        "awaiting_close": dossiers.filter(status=DossierStatus.REPORT_DELIVERED).count(),
        "delivered_this_year": dossiers.filter(report_delivered_on__year=today.year).count(),
    }
