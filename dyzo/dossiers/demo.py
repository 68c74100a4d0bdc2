"""Demo entrepreneurs, phone/mail advice and dossiers in every state, with their teams,
activities, documents and reports (dyzo.reports.demo adds nothing of its own: the reports
are written here, through the services, as part of each dossier's story).

Deterministic and safe to run again: what exists already (matched on enterprise number,
advice topic and date, dossier per entrepreneur) is kept, so numbers stay gapless.
"""

import datetime

from django.core.files.uploadedfile import SimpleUploadedFile

from dyzo.accounts.models import User
from dyzo.agreements.constants import CaseType
from dyzo.agreements.models import Agreement
from dyzo.dossiers import services
from dyzo.dossiers.constants import (
    ActivityKind,
    AdviceChannel,
    BusinessPhase,
    DocumentKind,
    DossierStatus,
    Outcome,
)
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality

GENT, AALST = "44021", "41002"
S = DossierStatus
# (first, last, KBO, legal form, sector, NIS code or None for "no agreement")
ENTREPRENEURS = [
    ("Sofie", "Claes", "0403170701", "eenmanszaak", "horeca", GENT),
    ("Mehmet", "Yilmaz", "0202239951", "eenmanszaak", "transport", GENT),
    ("Lotte", "Peeters", "0417497106", "BV", "kleinhandel", AALST),
    ("Pieter", "Wouters", "0403053608", "eenmanszaak", "bouw", GENT),
    ("Nadia", "El Amrani", "0403091220", "eenmanszaak", "kapper", AALST),
    ("Koen", "De Smet", "0406798006", "BV", "landbouw", GENT),
    ("Ine", "Janssens", "0412121722", "eenmanszaak", "IT-diensten", None),
]
# (entrepreneur index, case type, target status, expert usernames, days ago opened)
DOSSIERS = [
    (0, CaseType.ENTERPRISE_SCAN, S.INTAKE, [], 3),
    (1, CaseType.SOCIAL_PRE_INVESTIGATION, S.DATA_COLLECTION, ["lawyer"], 20),
    (2, CaseType.ENTERPRISE_SCAN, S.INVESTIGATION, ["lawyer", "accountant"], 75),
    (3, CaseType.ENTERPRISE_SCAN, S.REPORT_DRAFTING, ["accountant", "entrepreneur"], 120),
    (4, CaseType.SOCIAL_PRE_INVESTIGATION, S.REPORT_DELIVERED, ["lawyer"], 150),
    (5, CaseType.ENTERPRISE_SCAN, S.CLOSED, ["accountant", "entrepreneur"], 200),
    (6, CaseType.ENTERPRISE_SCAN, S.CANCELLED, [], 40),
]
STEPS = [S.DATA_COLLECTION, S.INVESTIGATION, S.REPORT_DRAFTING]
DEMO_PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
REPORT_TEXTS = {
    "situation": "De zaak draait, maar de schulden bij leveranciers lopen op.",
    "financial_analysis": "Omzet stabiel, marge te laag; RSZ-achterstand van 8.000 euro.",
    "legal_analysis": "Een afbetalingsplan met het sociaal verzekeringsfonds is mogelijk.",
    "recommendations": "Prijzen herzien en een afbetalingsplan aanvragen.",
    "household_and_income": "Alleenstaande met twee kinderen; inkomen uit de zaak wisselend.",
    "debts": "Belastingen, sociale bijdragen en een lening bij de bank.",
    "social_security": "In orde met de sociale bijdragen sinds dit kwartaal.",
    "assessment": "Tijdelijke steun kan de zaak overeind houden.",
    "advice_to_ocmw": "Een tussenkomst voor drie maanden toekennen.",
}


def _uncovered_municipality(today: datetime.date) -> Municipality:
    """The first current municipality without an agreement in force (deterministic)."""
    covered = Agreement.objects.in_force_on(today).values("municipality_id")
    return Municipality.objects.existing_on(today).exclude(pk__in=covered).order_by("nis_code")[0]


def build_demo(stdout) -> None:
    today = datetime.date.today()
    coordinator = User.objects.get(username="coordinator")
    uncovered = _uncovered_municipality(today)
    municipalities = {code: Municipality.objects.get(nis_code=code) for code in (GENT, AALST)}
    entrepreneurs = [
        _entrepreneur(row, municipalities.get(row[5], uncovered), coordinator)
        for row in ENTREPRENEURS
    ]
    advice = _advice(municipalities, uncovered, today, coordinator)
    made = [_dossier(entrepreneurs, row, today, coordinator) for row in DOSSIERS]
    stdout.write(
        f"Dossiers: {len(entrepreneurs)} entrepreneurs, {advice} advice entries, "
        f"{len(made)} dossiers ({sum(made)} new)."
    )


def _entrepreneur(row, municipality, actor) -> Entrepreneur:
    first, last, number, legal_form, sector, _code = row
    existing = Entrepreneur.objects.filter(enterprise_number=number).first()
    if existing:
        return existing
    data = {
        "first_name": first,
        "last_name": last,
        "enterprise_number": number,
        "legal_form": legal_form,
        "sector": sector,
        "municipality": municipality,
        "date_of_birth": datetime.date(1980, 1, 1),
        "email": f"{first.lower()}.{last.lower().replace(' ', '')}@example.org",
        "situation_notes": "Demogegevens: geen echte persoon.",
    }
    return services.create_entrepreneur(data, actor=actor)


def _advice(municipalities, uncovered, today, actor) -> int:
    workers = {
        code: User.objects.filter(username=f"worker_{name}").first()
        for code, name in ((GENT, "gent"), (AALST, "aalst"))
    }
    rows = [
        (municipalities[GENT], PartyKind.OCMW, workers[GENT], "Uitstel sociale bijdragen", 10),
        (
            municipalities[AALST],
            PartyKind.OCMW,
            workers[AALST],
            "Leefloon voor een zelfstandige",
            30,
        ),
        (uncovered, PartyKind.GEMEENTE, None, "Faillissement of gerechtelijke reorganisatie?", 50),
        (uncovered, PartyKind.OCMW, None, "Overbruggingsrecht aanvragen", 70),
    ]
    for municipality, party, worker, topic, days in rows:
        asked_on = today - datetime.timedelta(days=days)
        if AdviceEntry.objects.filter(topic=topic, municipality=municipality).exists():
            continue
        services.log_advice(
            {
                "municipality": municipality,
                "party": party,
                "asked_by_user": worker,
                "asked_by": "" if worker else "Maatschappelijk werker",
                "channel": AdviceChannel.PHONE if days < 40 else AdviceChannel.MAIL,
                "topic": topic,
                "question": "Demovraag.",
                "advice": "Demoadvies.",
                "minutes_spent": 15 + days // 5,
                "asked_on": asked_on,
            },
            actor=actor,
        )
    return len(rows)


def _dossier(entrepreneurs, row, today, coordinator) -> bool:
    """Create the dossier of `row` and walk it to its status; False when it exists."""
    index, case_type, target, experts, days_ago = row
    entrepreneur = entrepreneurs[index]
    if Dossier.objects.filter(entrepreneur=entrepreneur, case_type=case_type).exists():
        return False
    municipality = entrepreneur.municipality
    worker = User.objects.working_for(municipality).order_by("username").first()
    opened_on = today - datetime.timedelta(days=days_ago)
    dossier = services.open_dossier(
        entrepreneur=entrepreneur,
        case_type=case_type,
        municipality=municipality,
        referring_party=PartyKind.OCMW,
        referring_worker=worker,
        phase=BusinessPhase.IN_DIFFICULTY,
        help_request="Demodossier: achterstallige schulden, vraag om een analyse.",
        opened_on=opened_on,
        actor=coordinator,
    )
    for username in experts:
        services.add_team_member(dossier, User.objects.get(username=username), actor=coordinator)
    _walk(dossier, target, coordinator, opened_on)
    # The services date each step today; spread them out so the dashboard shows ages.
    Dossier.objects.filter(pk=dossier.pk).update(
        status_changed_on=opened_on + datetime.timedelta(days=days_ago // 2)
    )
    return True


def _walk(dossier, target, coordinator, opened_on) -> None:
    if target == S.CANCELLED:
        services.cancel_dossier(dossier, actor=coordinator, note="De ondernemer haakte af.")
        return
    for step in STEPS:
        if _rank(dossier.status) >= _rank(target):
            break
        services.move_dossier(dossier, step, actor=coordinator)
        _work(dossier, step, coordinator, opened_on)
    if _rank(target) >= _rank(S.REPORT_DRAFTING):
        _report(dossier, target, coordinator)
    if target == S.CLOSED:
        services.close_dossier(dossier, Outcome.RESTRUCTURED, actor=coordinator)


def _rank(status) -> int:
    order = [S.INTAKE, *STEPS, S.REPORT_DELIVERED, S.CLOSED]
    return order.index(status)


def _work(dossier, step, coordinator, opened_on) -> None:
    if step == S.DATA_COLLECTION:
        services.record_activity(
            dossier,
            {
                "kind": ActivityKind.VISIT,
                "happened_on": opened_on + datetime.timedelta(days=2),
                "duration_minutes": 90,
                "travel_km": 18,
                "notes": "Eerste bezoek ter plaatse.",
            },
            actor=coordinator,
        )
    if step == S.INVESTIGATION:
        photo = SimpleUploadedFile("kasboek.png", DEMO_PNG)
        services.upload_document(dossier, photo, DocumentKind.PHOTO, actor=coordinator)


def _report(dossier, target, coordinator) -> None:
    from dyzo.reports import services as reports
    from dyzo.reports.constants import SECTIONS_BY_CASE_TYPE

    keys = SECTIONS_BY_CASE_TYPE[dossier.case_type]
    version = reports.save_report_draft(
        dossier, {key: REPORT_TEXTS[key] for key in keys}, actor=coordinator
    )
    report = reports.submit_report(version.report, actor=coordinator)
    if _rank(target) < _rank(S.REPORT_DELIVERED):
        return
    report = reports.approve_report(report, actor=coordinator)
    reports.deliver_report(report, actor=coordinator)
    dossier.refresh_from_db()
