from django.contrib import admin

from dyzo.audit.models import AuditEntry


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
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

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
