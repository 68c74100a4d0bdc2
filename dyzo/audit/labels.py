"""Readable labels for audit codes and data: "Dossier: list viewed" for `dossier.listed`.

A code is "<subject>.<event>" (services) or "<app>.<model>.<event>" (the safety-net
signals). The label is built from its parts, so a new code reads well without an entry here;
an unknown part falls back to its words ("follow_up_done" -> "follow up done")."""

from django.apps import apps
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _

SUBJECTS = {
    "advice": _("Advice"),
    "agreement": _("Agreement"),
    "auth": _("Login"),
    "contact": _("Contact"),
    "cooperation": _("Cooperation figures"),
    "decline_reason": _("Reason for not cooperating"),
    "dossier": _("Dossier"),
    "entrepreneur": _("Entrepreneur"),
    "export": _("Export"),
    "help_request": _("Help request"),
    "municipality": _("Municipality"),
    "report": _("Written report"),
    "retention": _("Retention"),
    "tariff_schedule": _("Tariffs"),
}
EVENTS = {
    "activity_recorded": _("activity recorded"),
    "added": _("added"),
    "anonymised": _("personal data removed"),
    "applied": _("applied"),
    "approved": _("approved"),
    "changed": _("changed"),
    "closed": _("closed"),
    "created": _("created"),
    "deleted": _("deleted"),
    "delivered": _("delivered"),
    "document_attached": _("document attached"),
    "document_downloaded": _("document downloaded"),
    "document_uploaded": _("document uploaded"),
    "downloaded": _("downloaded"),
    "follow_up_done": _("follow-up done"),
    "imported": _("imported"),
    "listed": _("list viewed"),
    "logged": _("logged"),
    "login": _("logged in"),
    "login_failed": _("login refused"),
    "logout": _("logged out"),
    "opened": _("opened"),
    "proposed": _("proposed"),
    "removed": _("removed"),
    "session_expired": _("session expired"),
    "signed": _("signed"),
    "status_changed": _("status changed"),
    "submitted": _("submitted"),
    "team_member_added": _("team member added"),
    "team_member_removed": _("team member removed"),
    "terminated": _("terminated"),
    "updated": _("changed"),
    "version_saved": _("version saved"),
    "viewed": _("viewed"),
}
DATA_KEYS = {
    "ids": _("rows"),
    "fields": _("fields"),
    "from": _("from"),
    "to": _("to"),
    "year": _("year"),
    "user": _("user"),
    "activity": _("activity"),
    "brackets": _("brackets"),
}


def _words(part: str) -> str:
    return part.replace("_", " ")


def _subject(parts: list[str]) -> str:
    if len(parts) == 3:
        try:
            return capfirst(apps.get_model(parts[0], parts[1])._meta.verbose_name)
        except LookupError:
            return capfirst(_words(parts[1]))
    return str(SUBJECTS.get(parts[0], capfirst(_words(parts[0]))))


def event_label(code: str) -> str:
    parts = code.split(".")
    if len(parts) < 2:
        return capfirst(_words(code))
    event = str(EVENTS.get(parts[-1], _words(parts[-1])))
    return f"{_subject(parts)}: {event}"


def _value(value) -> str:
    if isinstance(value, list | tuple):
        return ", ".join(_value(item) for item in value) or "–"
    if isinstance(value, dict):
        return "; ".join(f"{_words(str(k))} {_value(v)}" for k, v in value.items())
    return str(value)


def data_items(data: dict) -> list[tuple[str, str]]:
    """The entry's data as (label, text) pairs instead of a Python dict."""
    if not isinstance(data, dict):
        return [("", _value(data))]
    return [(str(DATA_KEYS.get(key, _words(key))), _value(value)) for key, value in data.items()]
