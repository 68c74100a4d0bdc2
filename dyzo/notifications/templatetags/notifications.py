from django import template

register = template.Library()


@register.simple_tag
def unread_notification_count(user) -> int:
    """The header's count. The user loaded for the request carries it already (see
    dyzo.accounts.backends.RoleBackend.get_user); other user objects cost one query."""
    count = getattr(user, "unread_notifications", None)
    if count is None:
        from dyzo.notifications.models import Notification

        count = Notification.objects.addressed_to(user).unread().count()
    return count
