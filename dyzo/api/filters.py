"""Filters shared by the API's FilterSets (django-filter).

Every list endpoint filters through a FilterSet, so the parameters of the OpenAPI schema are
the code's, and a value that a filter cannot take is a 400 with a message per parameter
(docs/api.md), never silently ignored. Each filter declares its bounds in the schema, so a
request that the schema allows is never refused.
"""

import django_filters
from drf_spectacular.utils import extend_schema_field

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.utils.validators import MAX_YEAR, MIN_YEAR, YearWindow, year_bounds

YEAR_MESSAGE = _("Enter a year between %(earliest)s and %(latest)s.")
# Primary keys are PostgreSQL integers: a larger number cannot name a row.
MAX_ID = 2**31 - 1


class DeclaredSchema:
    """A filter whose schema is `schema_type` (bounds included) and its help text."""

    schema_type: dict = {}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        schema = dict(self.schema_type)
        if help_text := self.extra.get("help_text"):
            schema["description"] = help_text
        extend_schema_field(schema)(self)


class YearField(forms.IntegerField):
    """A plausible year, with one clear message for anything else."""

    def __init__(self, **kwargs):
        # The schema's fixed bounds; the window of dates (docs/dates.md) narrows them.
        super().__init__(min_value=MIN_YEAR, max_value=MAX_YEAR, **kwargs)

    def clean(self, value):
        try:
            year = super().clean(value)
            YearWindow()(year)
        except forms.ValidationError as error:
            earliest, latest = year_bounds()
            raise forms.ValidationError(
                YEAR_MESSAGE % {"earliest": earliest, "latest": latest}, code="invalid"
            ) from error
        return year


class YearFilter(DeclaredSchema, django_filters.NumberFilter):
    field_class = YearField
    schema_type = {"type": "integer", "minimum": MIN_YEAR, "maximum": MAX_YEAR}


class IdField(forms.IntegerField):
    def __init__(self, **kwargs):
        super().__init__(min_value=1, max_value=MAX_ID, **kwargs)


class IdFilter(DeclaredSchema, django_filters.NumberFilter):
    """The id of a row (a user, an object): a whole number that fits the database."""

    field_class = IdField
    schema_type = {"type": "integer", "minimum": 1, "maximum": MAX_ID}


class StrictBooleanField(forms.Field):
    """`true`/`false` (or 1/0); anything else is an error instead of being ignored."""

    default_error_messages = {"invalid": _("Enter true or false.")}
    VALUES = {"true": True, "1": True, "false": False, "0": False}

    def to_python(self, value):
        if value in (None, ""):
            return None
        if isinstance(value, bool):
            return value
        try:
            return self.VALUES[str(value).strip().lower()]
        except KeyError:
            raise forms.ValidationError(self.error_messages["invalid"], code="invalid") from None


class StrictBooleanFilter(DeclaredSchema, django_filters.Filter):
    field_class = StrictBooleanField
    schema_type = {"type": "boolean"}


class NisCodeFilter(django_filters.CharFilter):
    """A municipality by its NIS code (`field_name` the path to its `nis_code`)."""

    def __init__(self, field_name="municipality__nis_code", **kwargs):
        kwargs.setdefault("help_text", _("NIS code"))
        super().__init__(field_name=field_name, **kwargs)


class BoundedCharFilter(DeclaredSchema, django_filters.CharFilter):
    """Text of at most `max_length` characters, the bound declared in the schema too."""

    def __init__(self, *, max_length: int, **kwargs):
        self.schema_type = {"type": "string", "maxLength": max_length}
        super().__init__(max_length=max_length, **kwargs)
