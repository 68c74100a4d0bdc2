"""A refused check constraint speaks the user's language, never the constraint's name."""

from django.apps import apps
from django.db.models import CheckConstraint


def test_every_check_constraint_has_its_own_message():
    bare = [
        f"{model.__name__}.{constraint.name}"
        for model in apps.get_models()
        if model.__module__.startswith("dyzo.")
        for constraint in model._meta.constraints
        if isinstance(constraint, CheckConstraint)
        and constraint.violation_error_message == constraint.default_violation_error_message
    ]
    assert bare == []
