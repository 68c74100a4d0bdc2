from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class RoleBackend(ModelBackend):
    """Grants the permissions of the group named after the user's role, and only those.

    The role field is the one truth about what a user may do; the groups hold the
    permissions as data (see dyzo/accounts/roles.py). Permissions given to a single user
    are ignored on purpose, so no one holds rights that their role does not show.
    """

    def get_user(self, user_id):
        """The request's user, with its number of unread notifications for the header
        (one subquery in the same query, instead of one more query on every page)."""
        from dyzo.notifications.query import unread_count_subquery

        UserModel = get_user_model()
        try:
            user = UserModel._default_manager.annotate(
                unread_notifications=unread_count_subquery()
            ).get(pk=user_id)
        except UserModel.DoesNotExist:
            return None
        return user if self.user_can_authenticate(user) else None

    def _get_user_permissions(self, user_obj):
        return Permission.objects.none()

    def _get_group_permissions(self, user_obj):
        return Permission.objects.filter(group__name=user_obj.role)
