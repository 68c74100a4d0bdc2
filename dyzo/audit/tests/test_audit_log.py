import pytest

from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from dyzo.audit import audit
from dyzo.audit.models import AuditEntry
from dyzo.localgov.models import Municipality


@pytest.mark.django_db
def test_log_records_who_what_when_and_where(coordinator, gent):
    request = RequestFactory().get(
        "/municipalities/44021/", HTTP_USER_AGENT="Firefox", REMOTE_ADDR="192.0.2.7"
    )

    entry = audit.log(gent, "municipality.viewed", actor=coordinator, request=request)

    entry = AuditEntry.objects.get(pk=entry.pk)
    assert entry.code == "municipality.viewed"
    assert (entry.actor_id, entry.actor_username) == (coordinator.pk, "coordinator")
    assert entry.content_type == ContentType.objects.get_for_model(Municipality)
    assert entry.object_id == str(gent.pk)
    assert entry.object_repr == f"localgov.municipality #{gent.pk}"
    assert (entry.ip_address, entry.user_agent, entry.path) == (
        "192.0.2.7",
        "Firefox",
        "/municipalities/44021/",
    )
    assert entry.created_at is not None


@pytest.mark.django_db
def test_log_masks_secret_keys_at_any_depth(coordinator):
    data = {
        "dossier": 12,
        "national_number": "85073003328",
        "nested": {"new_password": "hunter2", "items": [{"api_token": "x", "id": 3}]},
    }

    entry = audit.log(None, "test.event", actor=coordinator, data=data)

    assert entry.data == {
        "dossier": 12,
        "national_number": "***",
        "nested": {"new_password": "***", "items": [{"api_token": "***", "id": 3}]},
    }


@pytest.mark.django_db
def test_log_without_actor_or_request_is_a_system_entry():
    entry = audit.log(None, "retention.applied", actor=None, data={"dossiers": 0})

    assert (entry.actor_id, entry.actor_username, entry.ip_address) == (None, "", None)


@pytest.mark.django_db
def test_forwarded_address_is_used_only_when_trusted(settings, coordinator):
    request = RequestFactory().get("/", REMOTE_ADDR="10.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.5")

    settings.DYZO_TRUSTED_PROXIES = 0
    assert audit.log(None, "x.y", actor=coordinator, request=request).ip_address == "10.0.0.1"
    settings.DYZO_TRUSTED_PROXIES = 1
    assert audit.log(None, "x.y", actor=coordinator, request=request).ip_address == "203.0.113.5"


@pytest.mark.django_db
def test_object_with_audit_repr_names_itself(coordinator, gent):
    gent.audit_repr = "Gent (44021)"

    assert audit.log(gent, "x.y", actor=coordinator).object_repr == "Gent (44021)"
