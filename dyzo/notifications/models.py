from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.notifications.constants import Delivery, EmailMode
from dyzo.notifications.query import NotificationQuerySet

USER = settings.AUTH_USER_MODEL


class Notification(models.Model):
    """One event told to one person: shown in the app, and mailed per their preference.

    The text is not stored: the event's message is rendered from `params` in the reader's
    language. `params` and `url` never hold an entrepreneur's personal data, only
    references (a dossier number, a municipality) and a link to the page.
    """

    recipient = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="notifications", verbose_name=_("recipient")
    )
    event = models.CharField(_("event"), max_length=60)
    key = models.CharField(
        _("key"),
        max_length=200,
        help_text=_("The event's identity: the same event reaches a person once."),
    )
    content_type = models.ForeignKey(
        ContentType, on_delete=models.CASCADE, related_name="+", verbose_name=_("object type")
    )
    object_id = models.PositiveBigIntegerField(_("object id"))
    params = models.JSONField(_("parameters"), default=dict, blank=True)
    url = models.CharField(_("link"), max_length=300)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)
    delivery = models.CharField(
        _("e-mail"), max_length=10, choices=Delivery.choices, default=Delivery.NONE
    )
    email = models.ForeignKey(
        "post_office.Email",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="notifications",
        verbose_name=_("e-mail message"),
    )

    objects = NotificationQuerySet.as_manager()

    class Meta:
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        ordering = ["-id"]
        indexes = [
            # The header's unread count and the list, newest first.
            models.Index(fields=["recipient", "read_at"]),
            models.Index(fields=["recipient", "-id"]),
            models.Index(
                fields=["recipient", "id"],
                condition=models.Q(delivery="digest"),
                name="notification_digest_waiting",
            ),
        ]
        constraints = [
            # Idempotency: an event delivered twice (a retried request or command) makes
            # one notification, and so one mail, per person.
            models.UniqueConstraint(fields=["key", "recipient"], name="notification_once"),
        ]
        permissions = [("view_outbox", _("Can see every queued and failed e-mail"))]

    def __str__(self):
        return self.message

    @property
    def message(self) -> str:
        from dyzo.notifications.registry import message_for

        return message_for(self.event, self.params)

    @property
    def is_read(self) -> bool:
        return self.read_at is not None


class NotificationPreference(models.Model):
    """How a user hears about notifications; without a row: e-mail at once, in Dutch."""

    user = models.OneToOneField(
        USER,
        on_delete=models.CASCADE,
        related_name="notification_preference",
        verbose_name=_("user"),
    )
    email_mode = models.CharField(
        _("e-mail"), max_length=12, choices=EmailMode.choices, default=EmailMode.IMMEDIATELY
    )
    language = models.CharField(
        _("language of e-mails"),
        max_length=10,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
    )

    class Meta:
        verbose_name = _("notification preference")
        verbose_name_plural = _("notification preferences")

    def __str__(self):
        return str(self.user)

    @property
    def audit_repr(self) -> str:
        return f"notification preferences of user #{self.user_id}"
