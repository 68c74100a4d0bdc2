from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy as _l

from dyzo.audit.query import AuditEntryImmutable, AuditEntryQuerySet


class AuditEntry(models.Model):
    """One event in the audit trail: who did what to which object, when and from where.

    Append-only: the model refuses to save an existing row or delete one, and database
    triggers refuse UPDATE and DELETE (migration 0002). The references to the actor and the
    object carry no database constraint, so deleting a user or an object never has to touch
    an audit row; the actor's username is kept as a snapshot. `data` holds ids and codes
    only, never personal data, so retention never needs to rewrite the trail.
    """

    created_at = models.DateTimeField(_l("when"), default=timezone.now, db_index=True)
    code = models.CharField(_l("event"), max_length=80, db_index=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_l("who"),
    )
    actor_username = models.CharField(_l("username"), max_length=150, blank=True)
    content_type = models.ForeignKey(
        ContentType,
        on_delete=models.DO_NOTHING,
        db_constraint=False,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_l("object type"),
    )
    object_id = models.CharField(_l("object id"), max_length=64, blank=True)
    object_repr = models.CharField(_l("object"), max_length=200, blank=True)
    data = models.JSONField(_l("details"), default=dict, blank=True)
    ip_address = models.GenericIPAddressField(_l("IP address"), null=True, blank=True)
    user_agent = models.CharField(_l("user agent"), max_length=300, blank=True)
    path = models.CharField(_l("path"), max_length=300, blank=True)

    objects = AuditEntryQuerySet.as_manager()

    class Meta:
        verbose_name = _l("audit entry")
        verbose_name_plural = _l("audit entries")
        ordering = ["-created_at", "-id"]
        # The trail page lists newest first by -id, per user or per event: each filter has
        # an index ending in -id, so a user or event with few, old entries does not make the
        # page walk millions of rows (docs/performance.md).
        indexes = [
            models.Index(fields=["content_type", "object_id", "created_at", "id"]),
            models.Index(fields=["actor", "-id"]),
            models.Index(fields=["code", "-id"]),
        ]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M:%S} {self.code} {self.object_repr}"

    def save(self, *args, **kwargs):
        if not self._state.adding:
            raise AuditEntryImmutable(_("Audit entries cannot be changed."))
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AuditEntryImmutable(_("Audit entries cannot be deleted."))
