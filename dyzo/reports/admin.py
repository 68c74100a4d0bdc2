"""Read-only admin: reports change only through their workflow (dyzo.reports.services)."""

from django.contrib import admin

from dyzo.reports.models import WrittenReport


@admin.register(WrittenReport)
class WrittenReportAdmin(admin.ModelAdmin):
    list_display = ["dossier", "status", "approved_by", "delivered_at"]
    list_filter = ["status"]
    list_select_related = ["dossier", "approved_by"]

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
