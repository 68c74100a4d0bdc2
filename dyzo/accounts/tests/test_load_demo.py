import io

from django.core.management import call_command

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User


def test_creates_a_user_for_every_role_and_prints_working_passwords(registry, client):
    out = io.StringIO()
    call_command("load_demo", stdout=out)
    assert set(User.objects.values_list("role", flat=True)) == set(Role.values)
    lines = out.getvalue().split("Demo logins (username / password):")[1].split()
    logins = dict(zip(lines[::2], lines[1::2], strict=True))
    assert set(logins) >= {"coordinator", "worker_gent", "analyst", "admin"}
    for username, password in logins.items():
        assert User.objects.get(username=username).check_password(password)


def test_running_again_gives_new_passwords_and_no_duplicates(registry):
    first, second = io.StringIO(), io.StringIO()
    call_command("load_demo", stdout=first)
    count = User.objects.count()
    call_command("load_demo", stdout=second)
    assert User.objects.count() == count
    assert first.getvalue() != second.getvalue()
    gent_worker = User.objects.get(username="worker_gent")
    assert {p.municipality.nis_code for p in gent_worker.parties.all()} == {"44021"}
