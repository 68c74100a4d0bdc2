from django.core.management.base import BaseCommand

from dyzo.accounts.roles import sync_roles


class Command(BaseCommand):
    help = "Create or update one permission group per role (dyzo/accounts/roles.py). Idempotent."

    def handle(self, *args, **options):
        roles = sync_roles()
        self.stdout.write(self.style.SUCCESS(f"Roles in step: {', '.join(roles)}."))
