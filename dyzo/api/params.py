"""Query parameters that several API views read, checked once."""

from rest_framework import serializers

from django.utils.translation import gettext as _

from dyzo.utils.validators import year_bounds


def year_param(request, name: str = "year", default: int | None = None) -> int | None:
    """The year in `?name=`, `default` when absent; a clear 400 when it is no plausible year."""
    raw = request.query_params.get(name, "")
    if raw == "":
        return default
    earliest, latest = year_bounds()
    if not raw.isdigit() or not earliest <= int(raw) <= latest:
        message = _("Enter a year between %(earliest)s and %(latest)s.")
        raise serializers.ValidationError(
            {name: [message % {"earliest": earliest, "latest": latest}]}
        )
    return int(raw)
