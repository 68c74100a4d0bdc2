import django_filters

from django.utils.translation import gettext_lazy as _

from dyzo.api.filters import NisCodeFilter, StrictBooleanFilter, YearFilter
from dyzo.outreach.models import Contact, DeclineReason


class ContactFilterSet(django_filters.FilterSet):
    municipality = NisCodeFilter()
    due = StrictBooleanFilter(method="due_only", help_text=_("Only follow-ups due"))

    class Meta:
        model = Contact
        fields = ["municipality", "due"]

    def due_only(self, queryset, name, value):
        return queryset.follow_ups_due() if value else queryset


class DeclineReasonFilterSet(django_filters.FilterSet):
    municipality = NisCodeFilter()
    year = YearFilter()

    class Meta:
        model = DeclineReason
        fields = ["municipality", "year"]
