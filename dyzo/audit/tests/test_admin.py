from django.urls import reverse

from dyzo.audit import audit


def test_admin_shows_entries_but_offers_no_change(client, coordinator):
    entry = audit.log(None, "x.y", actor=coordinator)
    coordinator.is_superuser = coordinator.is_staff = True
    coordinator.save(update_fields=["is_superuser", "is_staff"])
    client.force_login(coordinator)

    assert client.get(reverse("admin:audit_auditentry_changelist")).status_code == 200
    detail = client.get(reverse("admin:audit_auditentry_change", args=[entry.pk]))
    assert detail.status_code == 200
    assert b'name="_save"' not in detail.content
    assert client.get(reverse("admin:audit_auditentry_delete", args=[entry.pk])).status_code == 403
    assert client.get(reverse("admin:audit_auditentry_add")).status_code == 403
