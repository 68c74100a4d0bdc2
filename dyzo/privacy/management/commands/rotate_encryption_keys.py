from django.core.management.base import BaseCommand

from dyzo.privacy.encryption import rotate_all


class Command(BaseCommand):
    help = (
        "Re-encrypt every encrypted field with the newest key of DYZO_ENCRYPTION_KEYS (the "
        "first). Values already under that key are left alone, so running it again changes "
        "nothing. Afterwards the older keys may be removed from the environment."
    )

    def handle(self, *args, **options):
        for count in rotate_all():
            self.stdout.write(
                f"{count.label}: {count.rotated} re-encrypted, "
                f"{count.current} already under the newest key."
            )
        self.stdout.write(self.style.SUCCESS("Key rotation done."))
