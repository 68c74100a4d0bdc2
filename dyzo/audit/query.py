from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext as _


class AuditEntryImmutable(Exception):
    """An audit entry was about to be changed or deleted: the trail is append-only."""


class AuditEntryQuerySet(models.QuerySet):
    def for_object(self, obj):
        return self.filter(
            content_type=ContentType.objects.get_for_model(obj, for_concrete_model=False),
            object_id=str(obj.pk),
        )

    def by_user(self, user_id: int):
        return self.filter(actor_id=user_id)

    # The database refuses these too (triggers); failing in Python first gives a clear error.
    def update(self, **kwargs):
        raise AuditEntryImmutable(_("Audit entries cannot be changed."))

    def delete(self):
        raise AuditEntryImmutable(_("Audit entries cannot be deleted."))

    delete.queryset_only = True
