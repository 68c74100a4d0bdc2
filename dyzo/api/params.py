"""A query parameter read outside a FilterSet, checked as the FilterSets check it.

List endpoints filter through FilterSets (dyzo/api/filters.py); this is for a view that
reads a year without listing anything.
"""

from rest_framework import serializers

from django import forms

from dyzo.api.filters import YearField


def year_param(request, name: str = "year", default: int | None = None) -> int | None:
    """The year in `?name=`, `default` when absent; a clear 400 when it is no plausible year."""
    try:
        year = YearField(required=False).clean(request.query_params.get(name, ""))
    except forms.ValidationError as error:
        raise serializers.ValidationError({name: error.messages}) from error
    return default if year is None else year
