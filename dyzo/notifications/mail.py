"""Mails of notifications: rendered in the recipient's language, plain text plus HTML,
written to django-post-office's queue (a database table) in the caller's transaction."""

from post_office import mail as post_office_mail

from django.conf import settings
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from dyzo.notifications.constants import EmailMode


def preference_of(user):
    """The user's preference row, or an unsaved default (e-mail at once, in Dutch)."""
    from dyzo.notifications.models import NotificationPreference

    try:
        return user.notification_preference
    except NotificationPreference.DoesNotExist:
        return NotificationPreference(user=user, email_mode=EmailMode.IMMEDIATELY)


def absolute(path: str) -> str:
    return settings.DYZO_BASE_URL.rstrip("/") + path


def _render(template: str, context: dict) -> tuple[str, str]:
    context = {
        **context,
        "preferences_url": absolute(reverse("notifications:preferences")),
        "list_url": absolute(reverse("notifications:list")),
    }
    text = render_to_string(f"notifications/mail/{template}.txt", context)
    html = render_to_string(f"notifications/mail/{template}.html", context)
    return text, html


def _queue(user, subject: str, text: str, html: str):
    return post_office_mail.send(
        recipients=[user.email],
        sender=settings.DEFAULT_FROM_EMAIL,
        subject=subject,
        message=text,
        html_message=html,
        priority="medium",
        commit=True,
    )


def queue_notification_mail(notification):
    """One mail for one notification, in the recipient's language."""
    user = notification.recipient
    with translation.override(preference_of(user).language):
        message = notification.message
        subject = _("Dyzo Lokaal: %(message)s") % {"message": message}
        text, html = _render(
            "notification",
            {"user": user, "message": message, "link": absolute(notification.url)},
        )
        return _queue(user, subject, text, html)


def queue_digest_mail(user, notifications):
    """One mail with a day's notifications of `user`."""
    with translation.override(preference_of(user).language):
        items = [(n.message, absolute(n.url)) for n in notifications]
        subject = _("Dyzo Lokaal: %(count)s new notifications") % {"count": len(items)}
        text, html = _render("digest", {"user": user, "items": items})
        return _queue(user, subject, text, html)
