"""How a response counts: allowed, denied, or neither (a mismatch to report)."""

from django.conf import settings
from django.shortcuts import resolve_url

from dyzo.audit.models import AuditEntry

DENIED_STATUSES = {401, 403, 404}
# Suffixes of the audit codes written for every create, change and delete of a model.
CHANGE_SUFFIXES = (".created", ".changed", ".deleted")


def _login_paths() -> tuple[str, ...]:
    return (resolve_url(settings.LOGIN_URL), "/admin/login/")


def is_login_redirect(response) -> bool:
    location = response.get("Location", "")
    return response.status_code in (301, 302) and location.startswith(_login_paths())


def is_denied(response) -> bool:
    return response.status_code in DENIED_STATUSES or is_login_redirect(response)


def is_allowed(response) -> bool:
    return 200 <= response.status_code < 400 and not is_login_redirect(response)


def is_refused_write(response) -> bool:
    """Denied, or the method is not offered at all."""
    return is_denied(response) or response.status_code == 405


def model_changes_since(entry_id: int) -> list[str]:
    """The generic model-change audit codes written after audit entry `entry_id`."""
    codes = AuditEntry.objects.filter(pk__gt=entry_id).values_list("code", flat=True)
    return [code for code in codes if code.endswith(CHANGE_SUFFIXES)]


def last_audit_id() -> int:
    return AuditEntry.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def text_of(response) -> str:
    content_type = response.get("Content-Type", "")
    if not content_type.startswith(("text/", "application/json")):
        return ""
    if getattr(response, "streaming", False):
        return ""
    return response.content.decode(errors="replace")
