import time

from django.core.management.base import BaseCommand

from dyzo.notifications.delivery import send_mail_queue


class Command(BaseCommand):
    help = (
        "Send the queued e-mails that are due (django-post-office's queue). A failed mail is "
        "retried later with a doubling wait and is marked failed after the last retry. "
        "With --loop it keeps running as the queue worker, one pass every --interval seconds."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Run until stopped.")
        parser.add_argument("--interval", type=int, default=30, help="Seconds between passes.")

    def handle(self, *args, **options):
        while True:
            counts = send_mail_queue()
            self.stdout.write(
                "sent {sent}, failed {failed}, to retry {requeued}, expired {expired}".format(
                    **counts
                )
            )
            if not options["loop"]:
                return
            time.sleep(max(options["interval"], 1))
