import io

from django.core.management import call_command

from dyzo.accounts.constants import Role
from dyzo.notifications.models import Notification


def test_the_demo_has_notifications_for_every_role_and_adds_none_when_run_again(registry):
    call_command("load_demo", stdout=io.StringIO())
    roles = set(Notification.objects.values_list("recipient__role", flat=True))
    count = Notification.objects.count()

    call_command("load_demo", stdout=io.StringIO())

    assert roles == set(Role.values)
    assert Notification.objects.count() == count
