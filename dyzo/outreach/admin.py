"""Read-only admin: contacts and decline reasons change through dyzo.outreach.services."""

from django.contrib import admin

from dyzo.outreach.models import Contact, DeclineReason
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(Contact)
class ContactAdmin(ReadOnlyAdmin):
    list_display = ["happened_on", "municipality", "kind", "coordinator", "follow_up_on"]
    list_filter = ["kind", "follow_up_done", "municipality__province"]
    search_fields = ["municipality__name", "municipality__nis_code", "with_whom"]
    list_select_related = ["municipality", "coordinator"]
    date_hierarchy = "happened_on"


@admin.register(DeclineReason)
class DeclineReasonAdmin(ReadOnlyAdmin):
    list_display = ["year", "municipality", "code", "text", "imported"]
    list_filter = ["year", "code", "imported"]
    search_fields = ["municipality__name", "municipality__nis_code"]
    list_select_related = ["municipality"]
