"""Query parameters that several API views read, checked once."""

from rest_framework import serializers

from django.utils.translation import gettext as _


def year_param(request, name: str = "year", default: int | None = None) -> int | None:
    """The year in `?name=`, `default` when absent; a clear 400 when it is no plausible year."""
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    if not raw.isdigit() or not 1900 <= int(raw) <= 2100:
        raise serializers.ValidationError({name: [_("Enter a year between 1900 and 2100.")]})
    return int(raw)
