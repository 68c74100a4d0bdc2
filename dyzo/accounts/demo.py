"""Demo users, one or more per role. Passwords are generated on each run and printed."""

import secrets

from dyzo.accounts.constants import Expertise, Role
from dyzo.accounts.models import User
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party

# (username, first name, last name, role, expertise, [(NIS code, party kind)])
DEMO_USERS = [
    ("coordinator", "Katrien", "Coördinator", Role.COORDINATOR, "", []),
    ("lawyer", "Jan", "Jurist", Role.EXPERT, Expertise.LAWYER, []),
    ("accountant", "Bea", "Boekhouder", Role.EXPERT, Expertise.ACCOUNTANT, []),
    ("entrepreneur", "Omar", "Ondernemer", Role.EXPERT, Expertise.ENTREPRENEUR, []),
    (
        "worker_gent",
        "Greet",
        "Gent",
        Role.MUNICIPAL_WORKER,
        "",
        [("44021", PartyKind.GEMEENTE), ("44021", PartyKind.OCMW)],
    ),
    ("worker_aalst", "Ali", "Aalst", Role.MUNICIPAL_WORKER, "", [("41002", PartyKind.OCMW)]),
    ("analyst", "Anouk", "Analist", Role.ANALYST, "", []),
    ("admin", "Adam", "Beheerder", Role.ADMINISTRATOR, "", []),
]


def build_demo(stdout) -> dict[str, str]:
    """Create or refresh the demo users; return username -> new password."""
    passwords = {}
    for username, first, last, role, expertise, parties in DEMO_USERS:
        user, _created = User.objects.update_or_create(
            username=username,
            defaults={
                "first_name": first,
                "last_name": last,
                "email": f"{username}@example.org",
                "role": role,
                "expertise": expertise,
                "is_staff": role == Role.ADMINISTRATOR,
            },
        )
        passwords[username] = secrets.token_urlsafe(12)
        user.set_password(passwords[username])
        user.save(update_fields=["password"])
        user.parties.set(
            Party.objects.get(municipality__nis_code=code, kind=kind) for code, kind in parties
        )
    return passwords
