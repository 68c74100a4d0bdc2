import datetime

import django_filters

from django.utils.translation import gettext_lazy as _

from dyzo.api.filters import YearFilter
from dyzo.localgov.models import Municipality


class MunicipalityFilterSet(django_filters.FilterSet):
    year = YearFilter(
        method="existing_in",
        help_text=_("Municipalities of 1 January that year, with that year's population"),
    )
    province = django_filters.CharFilter(field_name="province__name", help_text=_("Province name"))

    class Meta:
        model = Municipality
        fields = ["year", "province"]

    def filter_queryset(self, queryset):
        # The population shown is that of the year asked, or of this year without one.
        year = self.form.cleaned_data.get("year") or datetime.date.today().year
        return super().filter_queryset(queryset.with_population_counted_by(year))

    def existing_in(self, queryset, name, value):
        return queryset.of_year(value)
