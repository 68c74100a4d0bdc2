"""The choice-label table says what Django's own get_FOO_display says, in each language."""

import pytest

from django.db import models
from django.utils import translation

from dyzo.agreements.models import Agreement
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur
from dyzo.portal.models import HelpRequest
from dyzo.utils.choices import ChoiceLabels

MODELS = [Agreement, AdviceEntry, Dossier, Entrepreneur, HelpRequest]
FIELDS = [
    (model, field) for model in MODELS for field in model._meta.concrete_fields if field.choices
]


def test_the_list_models_read_their_labels_from_the_table():
    assert all(issubclass(model, ChoiceLabels) for model in MODELS)
    assert len(FIELDS) >= 10


@pytest.mark.parametrize("language", ["nl", "en"])
@pytest.mark.parametrize(("model", "field"), FIELDS, ids=lambda x: getattr(x, "name", ""))
def test_labels_are_djangos_own(model, field, language):
    values = [value for value, _label in field.flatchoices] + ["not-a-choice", None, ""]
    with translation.override(language):
        for value in values:
            instance = model(**{field.attname: value})
            display = getattr(instance, f"get_{field.name}_display")()
            assert display == models.Model._get_FIELD_display(instance, field)
            assert display is None or isinstance(display, str)
