from django.core.management.base import BaseCommand

from dyzo.notifications.services import send_digests


class Command(BaseCommand):
    help = (
        "Queue one e-mail per user who chose the daily digest, with their notifications not "
        "mailed yet. Run once a day; running again sends nothing twice."
    )

    def handle(self, *args, **options):
        counts = send_digests()
        for username, count in counts.items():
            self.stdout.write(f"{username}: {count} notifications in the digest")
        self.stdout.write(f"{len(counts)} digests queued")
