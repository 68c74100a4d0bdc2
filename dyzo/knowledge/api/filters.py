"""FilterSets of the knowledge API's lists (docs/api.md): a value a filter cannot take is a
400 naming the parameter."""

import django_filters

from django.utils.translation import gettext_lazy as _

from dyzo.knowledge.models import Guide, Topic


class GuideFilterSet(django_filters.FilterSet):
    topic = django_filters.ModelChoiceFilter(
        queryset=Topic.objects.all(), to_field_name="slug", help_text=_("Topic code")
    )

    class Meta:
        model = Guide
        fields = ["topic", "status", "language"]
