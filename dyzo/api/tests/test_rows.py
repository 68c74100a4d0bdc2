"""PlainRows gives DRF's own output, field for field, for every serializer that uses it."""

import pytest
from rest_framework import serializers

from dyzo.api.rows import PlainRows
from dyzo.dossiers.api.serializers import (
    AdviceEntrySerializer,
    DossierSerializer,
    EntrepreneurSerializer,
)
from dyzo.dossiers.tests.factories import (
    AdviceEntryFactory,
    DossierFactory,
    EntrepreneurFactory,
)

pytestmark = pytest.mark.django_db


def _rows(request):
    """Rows with every optional field empty, and with them filled in."""
    worker = request.getfixturevalue("worker_of_gent")
    return {
        EntrepreneurSerializer: [
            EntrepreneurFactory(situation_notes="", address=""),
            EntrepreneurFactory(with_enterprise_number=True, email="a@example.be"),
        ],
        AdviceEntrySerializer: [
            AdviceEntryFactory(imported=True),
            AdviceEntryFactory(by_mail=True, asked_by_user=worker),
        ],
        DossierSerializer: [
            DossierFactory(),
            DossierFactory(closed=True, referring_worker=worker, help_request="Schulden."),
        ],
    }


def _serializers_using_plain_rows():
    found, todo = set(), [PlainRows]
    while todo:
        for subclass in todo.pop().__subclasses__():
            found.add(subclass)
            todo.append(subclass)
    return found


def test_every_serializer_using_plain_rows_is_compared(request, registry):
    assert _serializers_using_plain_rows() == set(_rows(request))


def test_plain_rows_equal_drf_field_for_field(request, registry):
    for serializer_class, instances in _rows(request).items():
        values = []
        for instance in instances:
            instance.refresh_from_db()
            serializer = serializer_class(instance)
            plain = PlainRows.to_representation(serializer, instance)
            drf = serializers.Serializer.to_representation(serializer, instance)
            assert plain == drf, serializer_class.__name__
            assert list(plain) == list(drf)
            values += drf.values()
        assert None in values  # empty fields are compared too


def test_each_serializer_gets_its_own_copy_of_the_fields_built_once():
    first, second = DossierSerializer(), DossierSerializer()

    assert list(first.fields) == list(second.fields) == DossierSerializer.Meta.fields
    assert all(first.fields[name] is not second.fields[name] for name in first.fields)
    assert first.fields["status"].parent is first and second.fields["status"].parent is second
