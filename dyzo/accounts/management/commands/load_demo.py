import importlib

from django.core.management.base import BaseCommand
from django.db import transaction

# Apps whose demo.py adds demo data, in dependency order.
DEMO_MODULES = [
    "dyzo.agreements.demo",
    "dyzo.outreach.demo",
    "dyzo.insights.demo",
    # Writes the dossiers' reports too, through the reports app's services.
    "dyzo.dossiers.demo",
    "dyzo.portal.demo",
    # Guides, trainings, triages; surveys of the delivered reports above.
    "dyzo.knowledge.demo",
    # Bills what the agreements and dossiers above make due.
    "dyzo.billing.demo",
    # Last: the daily events over everything above (docs/notifications.md).
    "dyzo.notifications.demo",
]


class Command(BaseCommand):
    help = (
        "Create demo users for every role (new passwords, printed) and the demo data of each "
        "app. Needs the registry (load_localgov). Safe to run again: it refreshes the demo data."
    )

    def handle(self, *args, **options):
        from dyzo.accounts.demo import build_demo

        with transaction.atomic():
            passwords = build_demo(self.stdout)
            # People first: an app's demo staff exist before any demo data notifies them
            # (the first run then notifies the same people as every later run).
            for name in DEMO_MODULES:
                build_users = getattr(importlib.import_module(name), "build_users", None)
                if build_users is not None:
                    build_users()
            # Data that refers to other apps' demo data goes first (issued invoices
            # protect the agreements and dossiers they bill).
            for name in reversed(DEMO_MODULES):
                clear = getattr(importlib.import_module(name), "clear_demo", None)
                if clear is not None:
                    clear()
            for name in DEMO_MODULES:
                importlib.import_module(name).build_demo(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo logins (username / password):"))
        for username, password in passwords.items():
            self.stdout.write(f"  {username:<14} {password}")
