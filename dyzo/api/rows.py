"""Serialising the rows of a list without DRF's per-field attribute machinery.

DRF reads every field of every row through `Field.get_attribute` (a walk over the source's
parts, callables and defaults checked on the way): about half of a 50-row page's
serialising time. `PlainRows` plans each field once per serializer instead: a model
column is one `getattr`, a primary-key relation reads its `_id` column, anything else
still goes through DRF. Each value is formatted by the field's own `to_representation`,
so the output is DRF's (tests/test_rows.py compares both for every serializer using it).
The fields themselves are built once per serializer class and copied per instance.
"""

import copy
import operator

from rest_framework.fields import SkipField
from rest_framework.relations import PKOnlyObject, PrimaryKeyRelatedField, RelatedField

from django.utils.functional import cached_property


def _identity(value):
    return value


# A ModelSerializer mixin for read endpoints that return many rows. (No docstring: the API
# schema would take it as the description of every serializer using it.)
class PlainRows:
    def get_fields(self):
        # ModelSerializer builds its fields from the model on every instantiation (0.6 ms
        # for a dossier); they are built once per class and copied, as DRF copies the
        # declared fields (0.2 ms).
        cls = type(self)
        built = cls.__dict__.get("_built_fields")
        if built is None:
            built = super().get_fields()
            cls._built_fields = built
        return copy.deepcopy(built)

    def to_representation(self, instance):
        row = {}
        for name, read, represent in self._row_plan:
            try:
                value = read(instance)
            except SkipField:
                continue
            row[name] = None if value is None else represent(value)
        return row

    @cached_property
    def _row_plan(self):
        columns = {field.name: field for field in self.Meta.model._meta.concrete_fields}
        return [
            (field.field_name, *self._reader(field, columns.get(field.source)))
            for field in self._readable_fields
        ]

    @staticmethod
    def _reader(field, column):
        if field.source == "*":  # SerializerMethodField and the like: the row itself
            return _identity, field.to_representation
        if column is not None and not column.is_relation:
            return operator.attrgetter(column.attname), field.to_representation
        if (
            column is not None
            and isinstance(field, PrimaryKeyRelatedField)
            and field.pk_field is None
        ):
            # DRF's own shortcut (use_pk_only_optimization) returns the key unchanged.
            return operator.attrgetter(column.attname), _identity
        if column is not None and isinstance(field, RelatedField):
            return operator.attrgetter(column.name), field.to_representation
        return _drf_reader(field), field.to_representation


def _drf_reader(field):
    """DRF's own reading of a field, with the None check of Serializer.to_representation."""

    def read(instance):
        attribute = field.get_attribute(instance)
        if isinstance(attribute, PKOnlyObject) and attribute.pk is None:
            return None
        return attribute

    return read
