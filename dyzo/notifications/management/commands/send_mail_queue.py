import contextlib
import fcntl
import logging
import os
import tempfile
import time

from django.core.management.base import BaseCommand

from dyzo.notifications.delivery import send_mail_queue

DEFAULT_LOCK = os.path.join(tempfile.gettempdir(), "dyzo-mail-queue.lock")


class WorkerRunning(Exception):
    pass


@contextlib.contextmanager
def single_worker(path: str):
    """An exclusive lock on `path`; the system drops it when the process ends."""
    with open(path, "a") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise WorkerRunning from None
        yield


class Command(BaseCommand):
    help = (
        "Send the queued e-mails that are due (django-post-office's queue). A failed mail is "
        "retried later with a doubling wait and is marked failed after the last retry. "
        "With --loop it keeps running as the queue worker, one pass every --interval seconds. "
        "One worker at a time: a second one stops at once."
    )

    def add_arguments(self, parser):
        parser.add_argument("--loop", action="store_true", help="Run until stopped.")
        parser.add_argument("--interval", type=int, default=30, help="Seconds between passes.")
        parser.add_argument("--lockfile", default=DEFAULT_LOCK, help="Path of the lock file.")

    def handle(self, *args, **options):
        try:
            with single_worker(options["lockfile"]):
                self._run(loop=options["loop"], interval=max(options["interval"], 1))
        except WorkerRunning:
            self.stderr.write("Another mail queue worker is running; nothing done.")

    def _run(self, *, loop: bool, interval: int) -> None:
        if loop:
            # A worker passes every few seconds: post-office's own INFO lines ("Started
            # sending 0 emails") would bury what matters; a pass that did something is
            # still reported below.
            import post_office.mail  # noqa: F401  (sets up its logger, which we then quiet)

            logging.getLogger("post_office").setLevel(logging.WARNING)
        while True:
            counts = send_mail_queue()
            if not loop or any(counts.values()):
                self.stdout.write(
                    "sent {sent}, failed {failed}, to retry {requeued}, expired {expired}".format(
                        **counts
                    )
                )
            if not loop:
                return
            time.sleep(interval)
