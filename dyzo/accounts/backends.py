from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission


class RoleBackend(ModelBackend):
    """Grants the permissions of the group named after the user's role, and only those.

    The role field is the one truth about what a user may do; the groups hold the
    permissions as data (see dyzo/accounts/roles.py). Permissions given to a single user
    are ignored on purpose, so no one holds rights that their role does not show.
    """

    def _get_user_permissions(self, user_obj):
        return Permission.objects.none()

    def _get_group_permissions(self, user_obj):
        return Permission.objects.filter(group__name=user_obj.role)
