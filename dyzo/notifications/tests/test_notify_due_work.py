import datetime

from django.core.management import call_command

from dyzo.notifications.models import Notification
from dyzo.outreach.tests.factories import ContactFactory


def test_the_command_notifies_due_follow_ups_once_and_says_so(coordinator, capsys):
    ContactFactory(due=True, coordinator=coordinator)

    call_command("notify_due_work")
    call_command("notify_due_work", date=datetime.date.today())

    first, again = capsys.readouterr().out.splitlines()
    assert first == "1 follow-up notifications, 0 overdue-dossier notifications"
    assert again == "0 follow-up notifications, 0 overdue-dossier notifications"
    assert Notification.objects.get().recipient == coordinator
