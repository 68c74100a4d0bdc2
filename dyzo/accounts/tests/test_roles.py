import pytest

from django.contrib.auth.models import Group
from django.core.management import call_command

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.accounts.roles import ROLE_PERMISSIONS, sync_roles
from dyzo.accounts.tests.factories import UserFactory


def test_every_role_is_a_group_with_its_permissions(db):
    for role, labels in ROLE_PERMISSIONS.items():
        group = Group.objects.get(name=role)
        names = {f"{p.content_type.app_label}.{p.codename}" for p in group.permissions.all()}
        assert names == set(labels)
    assert set(ROLE_PERMISSIONS) == set(Role.values)


def test_sync_roles_is_idempotent_and_repairs_changes(db, capsys):
    Group.objects.get(name=Role.ANALYST).permissions.clear()
    call_command("load_roles")
    assert Group.objects.get(name=Role.ANALYST).permissions.exists()
    assert sync_roles() == [str(role) for role in ROLE_PERMISSIONS]
    assert "Roles in step" in capsys.readouterr().out


@pytest.mark.parametrize("role", Role.values)
def test_user_gets_the_permissions_of_its_role(db, role):
    user = UserFactory(role=role)
    assert user.has_perm("localgov.view_municipality")
    assert user.has_perm("accounts.change_user") == (role == Role.ADMINISTRATOR)


def test_changing_the_role_changes_the_permissions(db):
    user = UserFactory(role=Role.ANALYST)
    assert not user.has_perm("accounts.view_user")
    user.role = Role.COORDINATOR
    user.save(update_fields=["role"])
    user = type(user).objects.get(pk=user.pk)
    assert user.has_perm("accounts.view_user")


def test_inactive_user_has_no_permissions(db):
    user = UserFactory(role=Role.COORDINATOR, inactive=True)
    assert not user.has_perm("localgov.view_municipality")


def test_worker_sees_its_municipalities(worker_of_gent, gent, aalst):
    assert worker_of_gent.municipality_ids() == {gent.pk}
    assert list(type(worker_of_gent).objects.working_for(gent)) == [worker_of_gent]
    assert not type(worker_of_gent).objects.working_for(aalst).exists()


def test_role_permissions_are_read_once_and_follow_a_changed_group(
    coordinator, django_assert_num_queries
):
    assert User.objects.get(pk=coordinator.pk).has_perm("dossiers.view_dossier")
    with django_assert_num_queries(1):  # the user; the role's permissions come from memory
        assert User.objects.get(pk=coordinator.pk).has_perm("dossiers.view_dossier")
    Group.objects.get(name=Role.COORDINATOR).permissions.clear()
    assert not User.objects.get(pk=coordinator.pk).has_perm("dossiers.view_dossier")
