"""The safety net: every create, change and delete of a domain model is in the trail.

Services log their meaningful events explicitly ("dossier.closed"); these receivers add a
generic "<app>.<model>.created/changed/deleted" entry for every row written through the ORM,
so a change made by a forgotten code path is still on record. The actor comes from the request
being handled (AuditContextMiddleware); commands write entries without an actor. Bulk
operations (bulk_create, QuerySet.update) send no signals: services that use them log
themselves.
"""

from django.conf import settings
from django.contrib.auth import signals as auth_signals
from django.db.models import signals

from dyzo.audit import audit
from dyzo.audit.context import current_request


def _is_audited(model) -> bool:
    return model._meta.app_label in settings.DYZO_AUDITED_APPS


def _actor():
    request = current_request()
    user = getattr(request, "user", None) if request is not None else None
    return user if user is not None and user.is_authenticated else None


def _code(instance, event: str) -> str:
    return f"{instance._meta.app_label}.{instance._meta.model_name}.{event}"


def log_save(sender, instance, created, raw=False, update_fields=None, **kwargs):
    if raw or not _is_audited(sender):
        return
    fields = sorted(update_fields or [])
    if fields == ["last_login"]:
        return  # Logins have their own entry ("auth.login").
    data = {"fields": fields} if fields else {}
    event = "created" if created else "changed"
    audit.log(instance, _code(instance, event), actor=_actor(), data=data)


def log_delete(sender, instance, **kwargs):
    if _is_audited(sender):
        audit.log(instance, _code(instance, "deleted"), actor=_actor())


def log_m2m(sender, instance, action, model, pk_set, reverse=False, **kwargs):
    if action not in {"post_add", "post_remove", "post_clear"} or not _is_audited(type(instance)):
        return
    data = {"relation": sender._meta.model_name, "action": action.removeprefix("post_")}
    if pk_set:
        data["ids"] = sorted(pk_set)
    audit.log(instance, _code(instance, "changed"), actor=_actor(), data=data)


def log_login(sender, request, user, **kwargs):
    audit.log(user, "auth.login", actor=user, request=request)


def log_logout(sender, request, user, **kwargs):
    if user is not None:
        audit.log(user, "auth.logout", actor=user, request=request)


def log_login_failed(sender, credentials, request=None, **kwargs):
    # The attempted username is not stored here: django-axes keeps the attempts it needs.
    audit.log(None, "auth.login_failed", actor=None, request=request)


def connect_model_signals():
    signals.post_save.connect(log_save, dispatch_uid="dyzo.audit.log_save")
    signals.post_delete.connect(log_delete, dispatch_uid="dyzo.audit.log_delete")
    signals.m2m_changed.connect(log_m2m, dispatch_uid="dyzo.audit.log_m2m")
    auth_signals.user_logged_in.connect(log_login, dispatch_uid="dyzo.audit.log_login")
    auth_signals.user_logged_out.connect(log_logout, dispatch_uid="dyzo.audit.log_logout")
    auth_signals.user_login_failed.connect(
        log_login_failed, dispatch_uid="dyzo.audit.log_login_failed"
    )
