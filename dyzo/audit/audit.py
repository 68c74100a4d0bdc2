"""The one entry point of the audit trail.

    from dyzo.audit import audit
    audit.log(dossier, "dossier.closed", actor=request.user, data={"report": report.pk})

Call it inside the service's transaction: the entry commits or rolls back with the change.
Codes are namespaced "<thing>.<event>". `data` is for ids and codes: values under keys that
look secret or identifying are masked, and no personal data belongs there at all.
"""

from django.contrib.contenttypes.models import ContentType

from dyzo.audit.context import current_request
from dyzo.audit.models import AuditEntry
from dyzo.utils.client_address import client_ip

MASK = "***"
MASKED_KEYS = ("national_number", "password", "token", "secret", "iban", "api_key", "totp")


def mask(value):
    """A copy of `value` with every dict entry under a secret-looking key replaced by MASK."""
    if isinstance(value, dict):
        return {
            str(key): MASK if _is_secret(str(key)) else mask(item) for key, item in value.items()
        }
    if isinstance(value, list | tuple | set):
        return [mask(item) for item in value]
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


def _is_secret(key: str) -> bool:
    key = key.lower()
    return any(part in key for part in MASKED_KEYS)


def describe(obj) -> str:
    """How the object is named in the trail: its `audit_repr` if it has one, else its type
    and id (in no particular language). `str(obj)` is not used: it may be a person's name."""
    custom = getattr(obj, "audit_repr", None)
    if custom:
        return str(custom)[:200]
    return f"{obj._meta.label_lower} #{obj.pk}"[:200]


def log(obj, code: str, *, actor, data: dict | None = None, request=None) -> AuditEntry:
    """Write one audit entry about `obj` (a model instance, or None for events without one).

    `actor` is the user who acted (None for the system, e.g. a scheduled command). Without
    `request`, the request being handled (if any) tells where the action came from.
    """
    about = {}
    if obj is not None:
        about = {
            "content_type": ContentType.objects.get_for_model(obj, for_concrete_model=False),
            "object_id": str(obj.pk),
            "object_repr": describe(obj),
        }
    return log_fields(code, actor=actor, data=data, request=request, **about)


def log_fields(code: str, *, actor, data: dict | None = None, request=None, **about):
    """`log` for callers that name the object by its fields (`content_type`, `object_id`,
    `object_repr`) without loading it: one INSERT and nothing else."""
    request = request or current_request()
    entry = AuditEntry(code=code, data=mask(data or {}), **_actor_fields(actor), **about)
    if request is not None:
        entry.ip_address = client_ip(request)
        entry.user_agent = request.META.get("HTTP_USER_AGENT", "")[:300]
        entry.path = request.path[:300]
    entry.save(force_insert=True)
    return entry


def _actor_fields(actor) -> dict:
    if actor is None or not getattr(actor, "is_authenticated", False):
        return {}
    return {"actor_id": actor.pk, "actor_username": actor.get_username()}


def trail_url(obj) -> str:
    """The audit trail page of one object, for a link on its detail page."""
    from django.urls import reverse
    from django.utils.http import urlencode

    content_type = ContentType.objects.get_for_model(obj, for_concrete_model=False)
    query = {"content_type": f"{content_type.app_label}.{content_type.model}", "object_id": obj.pk}
    return f"{reverse('audit:entry_list')}?{urlencode(query)}"
