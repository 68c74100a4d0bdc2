import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.localgov.models import Province

FIRST_YEAR = 2015


def year_choices():
    return [(year, str(year)) for year in range(datetime.date.today().year, FIRST_YEAR - 1, -1)]


class MunicipalityFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Name or NIS code"))
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(
        label=_("Year"), choices=year_choices, coerce=int, required=False, empty_value=None
    )

    def filter(self, queryset):
        data = self.cleaned_data
        year = data.get("year") or datetime.date.today().year
        queryset = queryset.of_year(year).search(data.get("q") or "")
        if data.get("province"):
            queryset = queryset.filter(province=data["province"])
        return queryset, year
