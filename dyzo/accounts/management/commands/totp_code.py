from django_otp.oath import TOTP

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from dyzo.accounts.two_factor import confirmed_device


class Command(BaseCommand):
    help = (
        "Print the current TOTP code of a user's authenticator, for the demo and development "
        "only: refused unless DJANGO_DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        if not settings.DEBUG:
            raise CommandError("Only with DJANGO_DEBUG on: in production use the app.")
        from dyzo.accounts.models import User

        user = User.objects.filter(username=username).first()
        device = confirmed_device(user) if user else None
        if device is None:
            raise CommandError(f"{username} has no confirmed authenticator.")
        totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
        self.stdout.write(f"{totp.token():0{device.digits}d}")
