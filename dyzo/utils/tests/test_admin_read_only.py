"""The admin is no side door: every model of ours is read-only there (issue 9, point 7)."""

import pytest

from django.contrib import admin
from django.test import RequestFactory

from dyzo.accounts.tests.factories import UserFactory

# Models of our own apps the admin may change, each with the reason.
EDITABLE = {
    # Roles, expertise and parties are assigned here (docs/deployment.md, docs/permissions.md);
    # the role groups themselves are data kept in step by migrate.
    "accounts.user",
}


def registrations():
    return sorted(
        (
            (model._meta.label_lower, model_admin)
            for model, model_admin in admin.site._registry.items()
            if model.__module__.startswith("dyzo.")
        ),
        key=lambda pair: pair[0],
    )


def test_every_app_with_rules_has_its_models_registered():
    labels = {label for label, _admin in registrations()}
    assert {"agreements.agreement", "agreements.tariffschedule", "audit.auditentry"} <= labels


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    ("label", "model_admin"), registrations(), ids=lambda value: str(value).split(".")[-1]
)
def test_the_admin_cannot_add_change_or_delete(label, model_admin, db):
    if label in EDITABLE:
        pytest.skip(f"{label} is edited in the admin on purpose")
    request = RequestFactory().get("/admin/")
    request.user = UserFactory(is_staff=True, is_superuser=True)
    assert not model_admin.has_add_permission(request)
    assert not model_admin.has_change_permission(request)
    assert not model_admin.has_delete_permission(request)
    for inline in model_admin.get_inline_instances(request):
        assert not inline.has_add_permission(request, None)
        assert not inline.has_change_permission(request)
        assert not inline.has_delete_permission(request)


@pytest.mark.issue(9)
def test_an_agreement_cannot_be_saved_through_the_admin(client, db):
    # Before: status, fees and tariff brackets were editable, past the overlap and signing rules.
    from dyzo.agreements.tests.factories import AgreementFactory

    agreement = AgreementFactory()
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    url = f"/admin/agreements/agreement/{agreement.pk}/change/"
    response = client.post(url, {"status": "signed"})
    assert response.status_code == 403
