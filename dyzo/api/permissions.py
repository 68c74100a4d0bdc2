from rest_framework.permissions import SAFE_METHODS, BasePermission


class RolePermission(BasePermission):
    """Checks the permissions an API view declares.

    A view sets `permission` (needed for any request) and may set `write_permission`
    (needed in addition for unsafe methods). A view that declares nothing is closed:
    forgetting the declaration must not open an endpoint. Which objects a user sees is the
    view's queryset (`visible_to(user)`), not this class.
    """

    def has_permission(self, request, view):
        user = request.user
        needed = getattr(view, "permission", None)
        if not user or not user.is_authenticated or not needed:
            return False
        if not user.has_perm(needed):
            return False
        write_permission = getattr(view, "write_permission", None)
        if request.method not in SAFE_METHODS:
            return bool(write_permission) and user.has_perm(write_permission)
        return True
