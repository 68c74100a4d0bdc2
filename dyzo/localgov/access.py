from django.shortcuts import get_object_or_404

from dyzo.localgov.models import Municipality
from dyzo.utils.access import login_and_permission_required

can_view_registry = login_and_permission_required("localgov.view_municipality")


def get_municipality_for_user(user, nis_code: str) -> Municipality:
    """The registry is public knowledge: everyone with the view permission sees every
    municipality. What hangs under it (agreements, dossiers) has its own access checks."""
    return get_object_or_404(Municipality.objects.select_related("province"), nis_code=nis_code)
