"""The impact report of a municipality and a year, for its council (docs/impact-report.md).

`impact_report(municipality, year)` returns plain data that the page, the Dutch PDF, the
JSON export, the API and the `impact_report` command all show as is. Every count is passed
through `figures.suppress` here, once, so no output can show a count below 5; statistics
(median, percentile, averages, costs) based on fewer than 5 cases are left out (None).
"""

import datetime
from decimal import Decimal

from django.utils.translation import gettext as _

from dyzo.agreements.constants import CaseType
from dyzo.agreements.pricing import population_for_tariff, schedule_for_year
from dyzo.dossiers.constants import Outcome
from dyzo.knowledge import figures
from dyzo.knowledge.constants import TriageOutcome
from dyzo.knowledge.figures import SMALL, suppress
from dyzo.localgov.models import Municipality
from dyzo.localgov.registry import area_ids


def _statistic(value, cases: int):
    if value is None or cases < SMALL:
        return None
    return round(float(value), 1)


def _raw(ids, year) -> dict:
    """Every figure of one scope: counts, and statistics with the number they rest on."""
    by_type = figures.dossiers_by_type(ids, year)
    closed = figures.outcomes(ids, year)
    days = figures.days_to_report(ids, year)
    median, p90 = figures.median_and_p90(days)
    happy = figures.satisfaction(ids, year)
    trained = figures.trained(ids, year)
    triage = figures.triage_outcomes(ids, year)
    counts = {
        "help_requests": figures.help_requests(ids, year),
        "advice": figures.advice(ids, year),
        "dossiers": sum(by_type.values()),
        **{f"dossiers_{case_type}": by_type.get(case_type, 0) for case_type in CaseType.values},
        "closed": sum(closed.values()),
        **{f"outcome_{outcome}": closed.get(outcome, 0) for outcome in Outcome.values},
        "reports_delivered": len(days),
        "surveys_answered": happy["answers"],
        "trainings_attended": trained["trainings"],
        "trained_staff": trained["staff"],
        "guides_read": figures.guides_read(ids, year),
        **{f"triage_{outcome}": triage.get(outcome, 0) for outcome in TriageOutcome.values},
    }
    statistics = {
        "days_to_report_median": _statistic(median, len(days)),
        "days_to_report_p90": _statistic(p90, len(days)),
        **{
            f"satisfaction_{score}": _statistic(happy[score], happy["answers"])
            for score in ("usefulness", "clarity", "timeliness")
        },
    }
    return {"counts": counts, "statistics": statistics, "by_type": by_type}


def _labels() -> dict[str, str]:
    labels = {
        "help_requests": _("Help requests through the portal"),
        "advice": _("Questions answered by phone or e-mail"),
        "dossiers": _("Dossiers opened"),
        "closed": _("Dossiers closed"),
        "reports_delivered": _("Written reports delivered"),
        "days_to_report_median": _("Days from referral to report (median)"),
        "days_to_report_p90": _("Days from referral to report (90th percentile)"),
        "surveys_answered": _("Satisfaction surveys answered"),
        "satisfaction_usefulness": _("Satisfaction: usefulness (1-5)"),
        "satisfaction_clarity": _("Satisfaction: clarity (1-5)"),
        "satisfaction_timeliness": _("Satisfaction: timeliness (1-5)"),
        "trainings_attended": _("Trainings attended"),
        "trained_staff": _("Staff trained"),
        "guides_read": _("Guides read"),
    }
    for case_type in CaseType:
        labels[f"dossiers_{case_type.value}"] = _("Dossiers: %s") % case_type.label
    for outcome in Outcome:
        labels[f"outcome_{outcome.value}"] = _("Outcome: %s") % outcome.label
    for outcome in TriageOutcome:
        labels[f"triage_{outcome.value}"] = _("Triage: %s") % outcome.label
    return labels


ORDER = [
    "help_requests",
    "advice",
    "dossiers",
    *[f"dossiers_{case_type}" for case_type in CaseType.values],
    "closed",
    *[f"outcome_{outcome}" for outcome in Outcome.values],
    "reports_delivered",
    "days_to_report_median",
    "days_to_report_p90",
    "surveys_answered",
    "satisfaction_usefulness",
    "satisfaction_clarity",
    "satisfaction_timeliness",
    "trainings_attended",
    "trained_staff",
    "guides_read",
    *[f"triage_{outcome}" for outcome in TriageOutcome.values],
]


def _shown(raw: dict, key: str):
    if key in raw["counts"]:
        return suppress(raw["counts"][key])
    return raw["statistics"][key]


def _cost(municipality, year, by_type: dict[str, int]) -> dict:
    """What the year's cases would have cost per case, beside the subscription price, both
    at the year's tariff schedule; left out below 5 cases."""
    cases = sum(by_type.get(case_type, 0) for case_type in CaseType.values)
    schedule = schedule_for_year(year)
    shown = {"cases": suppress(cases), "per_case_total": None, "subscription_price": None}
    if schedule is None or cases < SMALL:
        return shown
    total = sum(
        (schedule.price_for_case(case_type) * by_type.get(case_type, 0) for case_type in CaseType),
        Decimal("0.00"),
    )
    subscription = schedule.subscription_price_for(population_for_tariff(municipality, year))
    shown["per_case_total"] = str(total)
    shown["subscription_price"] = str(subscription) if subscription is not None else None
    return shown


def impact_report(municipality, year: int) -> dict:
    own = _raw(area_ids([municipality.pk], datetime.date(year, 12, 31)), year)
    province_ids = set(
        Municipality.objects.filter(province_id=municipality.province_id).values_list(
            "id", flat=True
        )
    )
    province = _raw(province_ids, year)
    flanders = _raw(None, year)
    labels = _labels()
    rows = [
        {
            "key": key,
            "label": labels[key],
            "municipality": _shown(own, key),
            "province": _shown(province, key),
            "flanders": _shown(flanders, key),
        }
        for key in ORDER
    ]
    return {
        "year": year,
        "municipality": {
            "nis_code": municipality.nis_code,
            "name": municipality.name,
            "province": municipality.province.name if municipality.province_id else "",
        },
        "rows": rows,
        "cost": _cost(municipality, year, own["by_type"]),
    }


def all_values(report: dict) -> list:
    """Every figure of a report, for tests and checks: the rows' three columns and the cost."""
    values = [
        row[column] for row in report["rows"] for column in ("municipality", "province", "flanders")
    ]
    return [*values, report["cost"]["cases"]]
