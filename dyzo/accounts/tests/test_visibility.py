"""Row visibility is decided one way, from role data (issue 9, point 9)."""

import pytest

from django.apps import apps

from dyzo.accounts.constants import Role
from dyzo.accounts.roles import ALL, MUNICIPALITY, ROW_SCOPES, TEAM
from dyzo.accounts.tests.factories import UserFactory
from dyzo.accounts.visibility import VisibleQuerySet, row_scope


def querysets_with_visible_to():
    found = {}
    for model in apps.get_models():
        queryset = type(model._default_manager.all())
        if hasattr(queryset, "visible_to") and model.__module__.startswith("dyzo."):
            found[model._meta.label] = queryset
    return found


@pytest.mark.issue(9)
def test_every_visible_to_is_the_one_of_visible_queryset():
    found = querysets_with_visible_to()
    assert len(found) >= 11
    for label, queryset in found.items():
        assert issubclass(queryset, VisibleQuerySet), label
        definers = [cls for cls in queryset.__mro__ if "visible_to" in cls.__dict__]
        assert definers == [VisibleQuerySet], f"{label} decides visibility its own way"
        assert queryset.rows in ROW_SCOPES, label


@pytest.mark.issue(9)
def test_every_scope_a_role_has_is_defined_for_its_rows():
    for label, queryset in querysets_with_visible_to().items():
        for role, scope in ROW_SCOPES[queryset.rows].items():
            assert role in Role.values and scope in (ALL, TEAM, MUNICIPALITY)
            if scope == TEAM:
                assert queryset.of_team is not VisibleQuerySet.of_team, (label, role)
            if scope == MUNICIPALITY:
                assert queryset.of_municipalities is not VisibleQuerySet.of_municipalities, (
                    label,
                    role,
                )


@pytest.mark.parametrize("role", Role.values)
def test_an_inactive_user_sees_nothing_whatever_the_role(db, role):
    user = UserFactory(is_active=False, **{role: True})
    assert all(row_scope(user, rows) is None for rows in ROW_SCOPES)


def test_a_role_not_named_for_a_kind_of_rows_sees_none(db):
    assert row_scope(UserFactory(expert=True), "contact") is None
    assert row_scope(UserFactory(coordinator=True), "contact") == ALL
