"""Read-only admin: reports change only through their workflow (dyzo.reports.services)."""

from django.contrib import admin

from dyzo.reports.models import WrittenReport
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(WrittenReport)
class WrittenReportAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "status", "approved_by", "delivered_at"]
    list_filter = ["status"]
    list_select_related = ["dossier", "approved_by"]
