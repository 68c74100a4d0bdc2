from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.db.models.signals import m2m_changed, post_delete, post_save

# The permissions of each role, read once per process: they change only when sync_roles()
# runs (after a migration, by load_roles) or a group is edited, and each of those clears
# this (signals below). Without it every request costs a query for the same answer.
_role_permissions: dict[str, frozenset[str]] = {}


def role_permissions(role: str) -> frozenset[str]:
    if role not in _role_permissions:
        rows = Permission.objects.filter(group__name=role).values_list(
            "content_type__app_label", "codename"
        )
        _role_permissions[role] = frozenset(
            f"{app_label}.{codename}" for app_label, codename in rows
        )
    return _role_permissions[role]


def forget_role_permissions(**kwargs):
    _role_permissions.clear()


m2m_changed.connect(forget_role_permissions, sender=Group.permissions.through)
post_save.connect(forget_role_permissions, sender=Group)
post_delete.connect(forget_role_permissions, sender=Group)


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

    def get_group_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_group_permissions(user_obj, obj)
        return role_permissions(user_obj.role)

    def get_all_permissions(self, user_obj, obj=None):
        if not user_obj.is_active or user_obj.is_anonymous or obj is not None:
            return set()
        if user_obj.is_superuser:
            return super().get_all_permissions(user_obj, obj)
        return role_permissions(user_obj.role)
