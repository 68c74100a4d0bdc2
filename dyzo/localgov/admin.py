"""Read-only admin: the registry is reference data, loaded (and checked) by load_localgov."""

from django.contrib import admin

from dyzo.localgov.models import Merger, Municipality, Population, Province
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(Province)
class ProvinceAdmin(ReadOnlyAdmin):
    list_display = ["name", "nis_code"]


@admin.register(Municipality)
class MunicipalityAdmin(ReadOnlyAdmin):
    list_display = ["nis_code", "name", "province", "valid_from", "valid_to"]
    list_filter = ["province"]
    search_fields = ["nis_code", "name"]


@admin.register(Merger)
class MergerAdmin(ReadOnlyAdmin):
    list_display = ["predecessor", "successor", "effective_date"]


@admin.register(Population)
class PopulationAdmin(ReadOnlyAdmin):
    list_display = ["municipality", "year", "inhabitants"]
    list_filter = ["year"]
