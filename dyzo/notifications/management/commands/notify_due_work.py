import datetime

from django.core.management.base import BaseCommand

from dyzo.notifications.due import notify_due_work


class Command(BaseCommand):
    help = (
        "Notify the owners of outreach follow-ups that are due and the coordinators of "
        "dossiers overdue in their status. Run daily; each follow-up date and each overdue "
        "status period notifies once, however often it runs."
    )

    def add_arguments(self, parser):
        parser.add_argument("--date", type=datetime.date.fromisoformat, default=None)

    def handle(self, *args, **options):
        counts = notify_due_work(options["date"] or datetime.date.today())
        self.stdout.write(
            "{follow_ups} follow-up notifications, {overdue} overdue-dossier notifications".format(
                **counts
            )
        )
