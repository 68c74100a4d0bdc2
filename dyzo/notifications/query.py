from django.db import models
from django.db.models import Count, OuterRef, Subquery
from django.db.models.functions import Coalesce


class NotificationQuerySet(models.QuerySet):
    def addressed_to(self, user):
        """A person's own notifications; nobody sees another's. Not role-scoped rows, so
        not a `visible_to` (dyzo.accounts.visibility)."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        return self.filter(recipient=user)

    def unread(self):
        return self.filter(read_at__isnull=True)

    def orphaned(self):
        """Notifications whose object was deleted (their link would lead nowhere)."""
        from django.contrib.contenttypes.models import ContentType

        orphans = self.none()
        for content_type_id in self.order_by().values_list("content_type", flat=True).distinct():
            model = ContentType.objects.get_for_id(content_type_id).model_class()
            orphans |= self.filter(content_type_id=content_type_id).exclude(
                object_id__in=model._default_manager.values("pk")
            )
        return orphans


def unread_count_subquery():
    """The number of unread notifications of the outer user row, as one subquery: the
    header shows it on every page, so it rides along with the query that loads the user."""
    from dyzo.notifications.models import Notification

    counts = (
        Notification.objects.filter(recipient=OuterRef("pk"), read_at__isnull=True)
        .order_by()
        .values("recipient")
        .annotate(total=Count("pk"))
        .values("total")
    )
    return Coalesce(Subquery(counts), 0)
