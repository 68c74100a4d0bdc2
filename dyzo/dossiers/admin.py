"""Read-only admin: changes go through the app (services keep history and audit)."""

from django.contrib import admin

from dyzo.dossiers.models import AdviceEntry, Dossier, DossierStatusChange, Entrepreneur
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(Dossier)
class DossierAdmin(ReadOnlyAdmin):
    list_display = ["reference", "case_type", "municipality", "status", "basis", "opened_on"]
    list_filter = ["status", "case_type", "basis", "year"]
    search_fields = ["reference"]
    list_select_related = ["municipality"]


@admin.register(DossierStatusChange)
class DossierStatusChangeAdmin(ReadOnlyAdmin):
    list_display = ["dossier", "from_status", "to_status", "actor", "at"]
    list_select_related = ["dossier", "actor"]


@admin.register(Entrepreneur)
class EntrepreneurAdmin(ReadOnlyAdmin):
    list_display = ["last_name", "first_name", "enterprise_number", "municipality"]
    search_fields = ["last_name", "enterprise_number"]
    list_select_related = ["municipality"]


@admin.register(AdviceEntry)
class AdviceEntryAdmin(ReadOnlyAdmin):
    list_display = ["asked_on", "municipality", "party", "channel", "topic", "imported_for_year"]
    list_filter = ["channel", "party", "imported_for_year"]
    list_select_related = ["municipality"]
