import django_filters

from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import AgreementForm, AgreementStatus
from dyzo.agreements.models import Agreement
from dyzo.api.filters import NisCodeFilter, YearFilter


class AgreementFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=AgreementStatus.choices)
    form = django_filters.ChoiceFilter(choices=AgreementForm.choices, method="of_form")
    municipality = NisCodeFilter()
    province = django_filters.CharFilter(
        field_name="municipality__province__name", help_text=_("Province name")
    )
    year = YearFilter(method="in_force_during", help_text=_("In force at any time that year"))

    class Meta:
        model = Agreement
        fields = ["status", "form", "municipality", "province", "year"]

    def of_form(self, queryset, name, value):
        return queryset.of_form(value)

    def in_force_during(self, queryset, name, value):
        return queryset.in_force_during(value)
