"""Demo help requests from the portal: some waiting for Dyzo, one taken up, one declined.

Safe to run again: a request with the same question from the same worker is kept.
"""

from dyzo.accounts.models import User
from dyzo.dossiers.constants import BusinessPhase
from dyzo.localgov.constants import PartyKind
from dyzo.portal import services
from dyzo.portal.constants import AnswerChannel, RequestKind
from dyzo.portal.models import HelpRequest

# (worker, party kind, data, what Dyzo did: None waits, "take_up" or a reason to decline)
REQUESTS = [
    (
        "worker_gent",
        PartyKind.OCMW,
        {
            "kind": RequestKind.SOCIAL_PRE_INVESTIGATION,
            "entrepreneur_first_name": "Hilde",
            "entrepreneur_last_name": "Verstraete",
            "phase": BusinessPhase.IN_DIFFICULTY,
            "question": "Zelfstandige bloemist vraagt leefloon aan; inkomsten onduidelijk.",
        },
        None,
    ),
    (
        "worker_gent",
        PartyKind.GEMEENTE,
        {
            "kind": RequestKind.REMOTE_ADVICE,
            "answer_channel": AnswerChannel.MAIL,
            "question": "Mag een zelfstandige in bijberoep een gemeentelijke premie krijgen?",
        },
        None,
    ),
    (
        "worker_gent",
        PartyKind.OCMW,
        {
            "kind": RequestKind.ENTERPRISE_SCAN,
            "entrepreneur_first_name": "Youssef",
            "entrepreneur_last_name": "Benali",
            "phase": BusinessPhase.ACTIVE,
            "question": "Foodtruck met achterstallige btw; wil verder werken.",
        },
        "take_up",
    ),
    (
        "worker_aalst",
        PartyKind.OCMW,
        {
            "kind": RequestKind.ENTERPRISE_SCAN,
            "entrepreneur_first_name": "Tom",
            "entrepreneur_last_name": "Van Damme",
            "phase": BusinessPhase.STOPPED,
            "question": "Activiteit stopgezet in 2019; schulden bij de RSVZ.",
        },
        "De activiteit is al jaren stopgezet: contacteer het OCMW-schuldhulpverleningsteam.",
    ),
]


def build_demo(stdout) -> None:
    coordinator = User.objects.get(username="coordinator")
    created = 0
    for username, kind, data, outcome in REQUESTS:
        worker = User.objects.get(username=username)
        if HelpRequest.objects.filter(submitted_by=worker, kind=data["kind"]).exists():
            continue
        party = worker.parties.get(kind=kind)
        help_request = services.submit_help_request(data, party=party, actor=worker)
        created += 1
        if outcome == "take_up":
            services.take_up_help_request(help_request, actor=coordinator)
        elif outcome:
            services.decline_help_request(help_request, outcome, actor=coordinator)
    stdout.write(f"Portal: {created} new help requests.")
