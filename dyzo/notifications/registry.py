"""The events that notify: each says who may hear of it, what it says and where it links.

Another app adds its events with `register(Event(...))` at import of a module its
AppConfig.ready() loads (see docs/notifications.md); it then calls
`dyzo.notifications.services.notify(code, obj, actor=...)`.
"""

import dataclasses
from collections.abc import Callable

from django.db.models import QuerySet


@dataclasses.dataclass(frozen=True)
class Event:
    code: str
    # Translatable (gettext_lazy) with %(name)s placeholders filled from `params`.
    message: str
    # The people who should hear of it; notify() keeps the active ones who may see `obj`.
    recipients: Callable[[object], QuerySet]
    # Values for the message: references only, never an entrepreneur's personal data.
    params: Callable[[object], dict]
    # The page the notification links to.
    url: Callable[[object], str]


EVENTS: dict[str, Event] = {}


def register(event: Event) -> Event:
    if event.code in EVENTS and EVENTS[event.code] != event:
        raise ValueError(f"Notification event {event.code} is registered twice.")
    EVENTS[event.code] = event
    return event


def get_event(code: str) -> Event:
    try:
        return EVENTS[code]
    except KeyError:
        raise LookupError(f"Unknown notification event {code!r}: register it first.") from None


def message_for(code: str, params: dict) -> str:
    event = EVENTS.get(code)
    if event is None:
        return code
    try:
        return str(event.message) % params
    except (KeyError, TypeError, ValueError):
        return str(event.message)
