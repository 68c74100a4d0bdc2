from django.contrib import admin

from dyzo.audit.models import AuditEntry
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(AuditEntry)
class AuditEntryAdmin(ReadOnlyAdmin):
    """Look only: the trail is append-only, in the admin as everywhere."""

    list_display = [
        "created_at",
        "code",
        "actor_username",
        "content_type",
        "object_id",
        "ip_address",
    ]
    list_filter = ["code"]
    search_fields = ["code", "actor_username", "object_id"]
    list_select_related = ["content_type"]
    show_full_result_count = False
