import django_filters

from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import CaseType
from dyzo.api.filters import IdFilter, NisCodeFilter, YearFilter
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur


class DossierFilterSet(django_filters.FilterSet):
    status = django_filters.ChoiceFilter(choices=DossierStatus.choices)
    case_type = django_filters.ChoiceFilter(choices=CaseType.choices)
    municipality = NisCodeFilter()
    # Every filter yields a dossier at most once (a person is on a team once): no DISTINCT.
    expert = IdFilter(field_name="team__user_id", help_text=_("User id of a team member"))
    year = YearFilter()
    q = django_filters.CharFilter(method="search", help_text=_("Reference or entrepreneur's name"))

    class Meta:
        model = Dossier
        fields = ["status", "case_type", "municipality", "expert", "year", "q"]

    def search(self, queryset, name, value):
        return queryset.search(value)


class EntrepreneurFilterSet(django_filters.FilterSet):
    q = django_filters.CharFilter(method="search", help_text=_("Name or KBO number"))

    class Meta:
        model = Entrepreneur
        fields = ["q"]

    def search(self, queryset, name, value):
        return queryset.search(value)


class AdviceEntryFilterSet(django_filters.FilterSet):
    municipality = NisCodeFilter()
    year = YearFilter(field_name="asked_on__year")

    class Meta:
        model = AdviceEntry
        fields = ["municipality", "year"]
