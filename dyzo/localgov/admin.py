from django.contrib import admin

from dyzo.localgov.models import Merger, Municipality, Population, Province


@admin.register(Province)
class ProvinceAdmin(admin.ModelAdmin):
    list_display = ["name", "nis_code"]


@admin.register(Municipality)
class MunicipalityAdmin(admin.ModelAdmin):
    list_display = ["nis_code", "name", "province", "valid_from", "valid_to"]
    list_filter = ["province"]
    search_fields = ["nis_code", "name"]


@admin.register(Merger)
class MergerAdmin(admin.ModelAdmin):
    list_display = ["predecessor", "successor", "effective_date"]


@admin.register(Population)
class PopulationAdmin(admin.ModelAdmin):
    list_display = ["municipality", "year", "inhabitants"]
    list_filter = ["year"]
