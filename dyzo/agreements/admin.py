"""Read-only admin: agreements and tariffs change through dyzo.agreements.services, which hold
the overlap, signing and bracket rules."""

from django.contrib import admin

from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule
from dyzo.utils.admin import ReadOnlyAdmin, ReadOnlyInline


@admin.register(Agreement)
class AgreementAdmin(ReadOnlyAdmin):
    list_display = ["municipality", "form", "party", "status", "starts_on", "ends_on"]
    list_filter = ["status", "form", "party", "municipality__province"]
    search_fields = ["municipality__name", "municipality__nis_code"]
    list_select_related = ["municipality"]
    date_hierarchy = "starts_on"


class TariffBracketInline(ReadOnlyInline):
    model = TariffBracket


@admin.register(TariffSchedule)
class TariffScheduleAdmin(ReadOnlyAdmin):
    list_display = ["year", "price_enterprise_scan", "price_social_pre_investigation"]
    inlines = [TariffBracketInline]
