"""The one call every feature uses to tell people about an event, and the state changes of
a person's notifications (read, preferences) and of the daily digest.

    notify("report.delivered", report, actor=request.user)

Call it inside the service's transaction: the notifications and their queued mails are
written with the event, or not at all. See docs/notifications.md.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.notifications.constants import Delivery, EmailMode
from dyzo.notifications.errors import NotificationError
from dyzo.notifications.mail import preference_of, queue_digest_mail, queue_notification_mail
from dyzo.notifications.models import Notification, NotificationPreference
from dyzo.notifications.registry import get_event

logger = logging.getLogger(__name__)


def may_see(user, obj) -> bool:
    """Whether `user` may see `obj` on its pages: through its model's visible_to(user)."""
    manager = type(obj)._default_manager
    return manager.visible_to(user).filter(pk=obj.pk).exists()


def _recipients(event, obj, actor) -> list:
    candidates = (
        event.recipients(obj).filter(is_active=True).select_related("notification_preference")
    )
    if actor is not None:
        # Nobody is told about what they did themself.
        candidates = candidates.exclude(pk=actor.pk)
    return [user for user in candidates if may_see(user, obj)]


def _delivery_for(user) -> str:
    if not user.email:
        return Delivery.NONE
    mode = preference_of(user).email_mode
    return {EmailMode.IMMEDIATELY: Delivery.QUEUED, EmailMode.DAILY: Delivery.DIGEST}.get(
        mode, Delivery.NONE
    )


def _create_once(user, **fields) -> Notification | None:
    """The notification, or None when this event already reached this person."""
    try:
        with transaction.atomic():
            return Notification.objects.create(recipient=user, **fields)
    except IntegrityError:
        return None


@transaction.atomic
def notify(event: str, obj, *, actor, key: str = "") -> list[Notification]:
    """Tell the people of `event` about `obj`, in the app and by e-mail per their preference.

    Recipients are the event's candidates that are active, are not `actor` and may see `obj`
    (its model's `visible_to`). The event's identity is its code, the object and `key` (for
    events that recur on one object, e.g. a due date): delivered twice, it notifies once.
    Returns the notifications created now."""
    definition = get_event(event)
    identity = f"{event}:{obj._meta.label_lower}:{obj.pk}" + (f":{key}" if key else "")
    users = _recipients(definition, obj, actor)
    reached = set(
        Notification.objects.filter(key=identity, recipient__in=users).values_list(
            "recipient_id", flat=True
        )
    )
    common = {
        "event": event,
        "key": identity,
        "content_type": ContentType.objects.get_for_model(obj),
        "object_id": obj.pk,
        "params": definition.params(obj),
        "url": definition.url(obj),
    }
    created = []
    for user in users:
        if user.pk in reached:
            continue
        notification = _create_once(user, delivery=_delivery_for(user), **common)
        if notification is None:
            continue
        if notification.delivery == Delivery.QUEUED:
            notification.email = queue_notification_mail(notification)
            notification.save(update_fields=["email"])
        created.append(notification)
    return created


@transaction.atomic
def mark_read(notification: Notification, *, actor) -> Notification:
    if notification.recipient_id != actor.pk:
        raise NotificationError(_("This notification is not yours."))
    if notification.read_at is None:
        notification.read_at = timezone.now()
        notification.save(update_fields=["read_at"])
    return notification


@transaction.atomic
def mark_all_read(*, actor) -> int:
    return Notification.objects.addressed_to(actor).unread().update(read_at=timezone.now())


@transaction.atomic
def update_preferences(user, *, email_mode: str, language: str, actor) -> NotificationPreference:
    if actor.pk != user.pk:
        raise NotificationError(_("You can only change your own notification preferences."))
    if email_mode not in EmailMode.values:
        raise NotificationError(_("Choose how you want to receive e-mail."))
    preference, _created = NotificationPreference.objects.update_or_create(
        user=user, defaults={"email_mode": email_mode, "language": language}
    )
    audit.log(
        preference,
        "notifications.preferences_changed",
        actor=actor,
        data={"email_mode": email_mode, "language": language},
    )
    return preference


def _still_visible(notification) -> bool:
    """Whether the recipient may still see the notification's object (it may be gone)."""
    model = notification.content_type.model_class()
    obj = model._default_manager.filter(pk=notification.object_id).first()
    return obj is not None and may_see(notification.recipient, obj)


@transaction.atomic
def send_digest(user) -> int:
    """Queue one mail with the notifications of `user` waiting for the digest; the ones
    whose object they may no longer see are left out. Returns the number mailed."""
    waiting = list(
        Notification.objects.select_for_update()
        .filter(recipient=user, delivery=Delivery.DIGEST)
        .select_related("content_type")
        .order_by("id")
    )
    if not waiting:
        return 0
    keep = []
    if user.is_active and user.email:
        keep = [notification for notification in waiting if _still_visible(notification)]
    email = queue_digest_mail(user, keep) if keep else None
    ids = [notification.pk for notification in waiting]
    Notification.objects.filter(pk__in=ids).update(delivery=Delivery.DIGESTED, email=email)
    return len(keep)


def send_digests() -> dict[str, int]:
    """Queue the daily digest of every user who has notifications waiting for it. Safe to
    run again: mailed notifications no longer wait."""
    from dyzo.accounts.models import User

    users = User.objects.filter(
        pk__in=Notification.objects.filter(delivery=Delivery.DIGEST).values("recipient")
    )
    counts = {}
    for user in users:
        counts[user.username] = send_digest(user)
    return counts
