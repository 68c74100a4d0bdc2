"""A full year for Gent in the demo, so that its impact report shows figures rather than
"<5": more staff, help requests, advice, dossiers with delivered reports and answered
surveys, triages, guide reads. Called by demo.py; every person here is invented.

Dossiers are walked through the dossiers app's own demo steps (dyzo.dossiers.demo), so
they pass the same services as every demo dossier. Safe to run again: it runs once.
"""

import datetime

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.agreements.constants import CaseType
from dyzo.dossiers import services as dossiers
from dyzo.dossiers.constants import AdviceChannel, BusinessPhase, DossierStatus
from dyzo.dossiers.demo import _walk
from dyzo.knowledge import services
from dyzo.knowledge.constants import TriageQuestion
from dyzo.knowledge.models import Guide, GuideRead, Triage
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Municipality, Party
from dyzo.portal import services as portal
from dyzo.portal.constants import AnswerChannel, RequestKind

MARK = "Demojaar Gent"
EXTRA_WORKERS = 5
HELP_REQUESTS = 1 + EXTRA_WORKERS  # One per Gent worker (worker_gent and the extra staff).
# (case type, target status) of the extra Gent dossiers.
DOSSIERS = [
    *[(CaseType.ENTERPRISE_SCAN, DossierStatus.CLOSED)] * 5,
    *[(CaseType.SOCIAL_PRE_INVESTIGATION, DossierStatus.REPORT_DELIVERED)] * 5,
    *[(CaseType.ENTERPRISE_SCAN, DossierStatus.INTAKE)] * 2,
]
TRIAGE_ANSWERS = [[], ["guide_answers"], ["procedure"]]


def gent_workers() -> list[User]:
    """worker_gent and the extra demo staff of Gent's OCMW (they cannot log in)."""
    ocmw = Party.objects.get(municipality__nis_code="44021", kind=PartyKind.OCMW)
    workers = [User.objects.get(username="worker_gent")]
    for number in range(1, EXTRA_WORKERS + 1):
        worker, created = User.objects.get_or_create(
            username=f"demo_gent_{number}",
            defaults={
                "first_name": "Medewerker",
                "last_name": f"Gent {number}",
                "role": Role.MUNICIPAL_WORKER,
                "email": f"demo_gent_{number}@example.org",
            },
        )
        if created:
            worker.set_unusable_password()
            worker.save(update_fields=["password"])
            worker.parties.set([ocmw])
        workers.append(worker)
    return workers


def build_gent_year(stdout) -> None:
    if Triage.objects.filter(municipality__nis_code="44021").count() > 10:
        return
    today = datetime.date.today()
    start = datetime.date(today.year, 1, 1)
    gent = Municipality.objects.get(nis_code="44021")
    coordinator = User.objects.get(username="coordinator")
    workers = gent_workers()
    for index, worker in enumerate(workers):
        _help_request(worker, index)
        _advice(gent, worker, coordinator, index, start, today)
        _triages(worker)
        _reads(worker, gent, start, today)
    for index, (case_type, target) in enumerate(DOSSIERS):
        _dossier(gent, workers[index % len(workers)], case_type, target, coordinator, index)
    stdout.write(f"Knowledge: a full year for Gent ({len(workers)} workers).")


def _help_request(worker, index) -> None:
    party = worker.parties.get(kind=PartyKind.OCMW)
    data = {
        "kind": RequestKind.REMOTE_ADVICE,
        "answer_channel": AnswerChannel.MAIL,
        "question": f"{MARK}: vraag {index + 1} over uitstel van sociale bijdragen.",
    }
    portal.submit_help_request(data, party=party, actor=worker)


def _advice(gent, worker, coordinator, index, start, today) -> None:
    dossiers.log_advice(
        {
            "municipality": gent,
            "party": PartyKind.OCMW,
            "asked_by_user": worker,
            "asked_by": "",
            "channel": AdviceChannel.PHONE,
            "topic": f"{MARK}: overbruggingsrecht",
            "question": "Demovraag.",
            "advice": "Demoadvies.",
            "minutes_spent": 20,
            "asked_on": max(start, today - datetime.timedelta(days=10 * (index + 1))),
        },
        actor=coordinator,
    )


def _triages(worker) -> None:
    party = worker.parties.get(kind=PartyKind.OCMW)
    for yes in TRIAGE_ANSWERS:
        answers = {question: question in yes for question in TriageQuestion.values}
        services.record_triage(answers, party=party, actor=worker)


def _reads(worker, gent, start, today) -> None:
    for days, guide in enumerate(Guide.objects.published().order_by("id")[:3]):
        read_on = max(start, today - datetime.timedelta(days=days * 7))
        GuideRead.objects.get_or_create(
            guide=guide, reader=worker, municipality=gent, read_on=read_on
        )


def _dossier(gent, worker, case_type, target, coordinator, index) -> None:
    entrepreneur = dossiers.create_entrepreneur(
        {
            "first_name": "Demo",
            "last_name": f"Ondernemer Gent {index + 1}",
            "municipality": gent,
            "situation_notes": "Demogegevens: geen echte persoon.",
        },
        actor=coordinator,
    )
    # Spread over the year, so the days from referral to report differ.
    today = datetime.date.today()
    opened_on = max(datetime.date(today.year, 1, 1), today - datetime.timedelta(days=9 * index))
    dossier = dossiers.open_dossier(
        entrepreneur=entrepreneur,
        case_type=case_type,
        municipality=gent,
        referring_party=PartyKind.OCMW,
        referring_worker=worker,
        phase=BusinessPhase.IN_DIFFICULTY,
        help_request=f"{MARK}: schulden, vraag om een analyse.",
        opened_on=opened_on,
        actor=coordinator,
    )
    _walk(dossier, target, coordinator, opened_on)
