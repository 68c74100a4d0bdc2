"""Demo users, one or more per role. Passwords are generated on each run and printed."""

import secrets

from django_otp.plugins.otp_totp.models import TOTPDevice

from dyzo.accounts.constants import Expertise, Role
from dyzo.accounts.models import User
from dyzo.accounts.two_factor import requires_two_factor, secret_of
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
        if requires_two_factor(user):
            _new_demo_authenticator(user, stdout)
    return passwords


def _new_demo_authenticator(user, stdout) -> None:
    """Coordinators and administrators log in with a TOTP code: give the demo user a fresh
    key and print it (add it to an authenticator app, or run `manage.py totp_code`)."""
    TOTPDevice.objects.filter(user=user).delete()
    device = TOTPDevice.objects.create(user=user, name="demo", confirmed=True)
    stdout.write(f"  TOTP key of {user.username}: {secret_of(device)}\n")
