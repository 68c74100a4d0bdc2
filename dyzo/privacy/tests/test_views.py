import io
import zipfile

import pytest

from django.urls import reverse

from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import Entrepreneur
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.privacy.constants import ANONYMOUS_NAME


@pytest.fixture
def dossier(registry):
    return DossierFactory(closed=True)


def _urls(entrepreneur_id):
    return {
        name: reverse(f"privacy:entrepreneur_{name}", args=[entrepreneur_id])
        for name in ["privacy", "export", "erase"]
    }


@pytest.mark.parametrize(
    ("persona", "method", "page", "status"),
    [
        ("coordinator", "get", "privacy", 200),
        ("coordinator", "get", "export", 200),
        ("coordinator", "post", "erase", 302),
        ("expert", "get", "privacy", 403),
        ("expert", "get", "export", 403),
        ("expert", "post", "erase", 403),
        ("worker_of_gent", "get", "privacy", 403),
        ("worker_of_gent", "get", "export", 403),
        ("worker_of_gent", "post", "erase", 403),
        ("worker_of_aalst", "get", "export", 403),
        ("analyst", "get", "export", 403),
        ("administrator", "get", "export", 403),
        ("administrator", "post", "erase", 403),
        (None, "get", "export", 302),
    ],
)
def test_access(client, request, dossier, persona, method, page, status):
    if persona:
        client.force_login(request.getfixturevalue(persona))
    url = _urls(dossier.entrepreneur_id)[page]

    response = getattr(client, method)(url, {"confirm": "on"} if method == "post" else None)

    assert response.status_code == status


def test_unknown_entrepreneur_is_404(client, coordinator, registry):
    client.force_login(coordinator)

    assert client.get(_urls(999999)["export"]).status_code == 404


def test_download_is_a_zip_and_logged(client, coordinator, dossier):
    client.force_login(coordinator)

    response = client.get(_urls(dossier.entrepreneur_id)["export"])

    assert response["Content-Type"] == "application/zip"
    assert "attachment" in response["Content-Disposition"]
    assert "data.json" in zipfile.ZipFile(io.BytesIO(response.content)).namelist()
    entry = AuditEntry.objects.get(code="export.downloaded")
    assert (entry.actor_id, entry.object_id) == (coordinator.pk, str(dossier.entrepreneur_id))


def test_erase_needs_the_confirmation(client, coordinator, dossier):
    client.force_login(coordinator)
    url = _urls(dossier.entrepreneur_id)["erase"]

    client.post(url, {})
    assert Entrepreneur.objects.get(pk=dossier.entrepreneur_id).last_name != ANONYMOUS_NAME

    client.post(url, {"confirm": "on"})
    assert Entrepreneur.objects.get(pk=dossier.entrepreneur_id).last_name == ANONYMOUS_NAME


def test_erase_refusal_is_shown(client, coordinator, registry):
    dossier = DossierFactory(investigation=True)
    client.force_login(coordinator)

    response = client.post(_urls(dossier.entrepreneur_id)["erase"], {"confirm": "on"}, follow=True)

    assert "dossier" in str(list(response.context["messages"])[0]).lower()
