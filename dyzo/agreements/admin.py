from django.contrib import admin

from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule


@admin.register(Agreement)
class AgreementAdmin(admin.ModelAdmin):
    list_display = ["municipality", "form", "party", "status", "starts_on", "ends_on"]
    list_filter = ["status", "form", "party", "municipality__province"]
    search_fields = ["municipality__name", "municipality__nis_code"]
    list_select_related = ["municipality"]
    raw_id_fields = ["municipality"]
    date_hierarchy = "starts_on"


class TariffBracketInline(admin.TabularInline):
    model = TariffBracket
    extra = 0


@admin.register(TariffSchedule)
class TariffScheduleAdmin(admin.ModelAdmin):
    list_display = ["year", "price_enterprise_scan", "price_social_pre_investigation"]
    inlines = [TariffBracketInline]
