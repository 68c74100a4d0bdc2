from django.contrib.auth.decorators import login_required, permission_required


def login_and_permission_required(permission: str):
    """Anonymous users go to the login page; logged-in users without `permission` get 403."""

    def decorator(view):
        return login_required(permission_required(permission, raise_exception=True)(view))

    return decorator
