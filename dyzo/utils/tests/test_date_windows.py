"""Every date and year a person can type is held to its window (dyzo/utils/validators.py,
docs/dates.md): in every form, every API serializer, and in the services behind them."""

import datetime
import importlib
import inspect
import pkgutil

import pytest
from rest_framework import serializers

from django import forms
from django.apps import apps

import dyzo
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import EntrepreneurFactory
from dyzo.outreach.models import DeclineReason
from dyzo.utils.validators import (
    DATE_WINDOWS,
    DateWindow,
    OutOfWindow,
    YearWindow,
    check_windows,
    year_bounds,
)

TODAY = datetime.date.today()


def project_modules(suffix: str):
    for info in pkgutil.iter_modules(dyzo.__path__):
        try:
            yield importlib.import_module(f"dyzo.{info.name}.{suffix}")
        except ModuleNotFoundError:
            continue


def classes_in(suffix: str, base):
    found = []
    for module in project_modules(suffix):
        for _name, cls in inspect.getmembers(module, inspect.isclass):
            if issubclass(cls, base) and cls.__module__ == module.__name__:
                found.append(cls)
    return found


def is_year(name: str) -> bool:
    return name == "year" or name.endswith("_year")


def windows_of(validators) -> list:
    return [v for v in validators if isinstance(v, DateWindow | YearWindow)]


def form_field_windows(form_class, name, field) -> list:
    """The windows that apply to a form field: its own, or its model field's (a ModelForm
    runs the model's validators)."""
    own = windows_of(field.validators)
    meta = getattr(form_class, "_meta", None)
    model = getattr(meta, "model", None)
    if model is not None and name in {f.name for f in model._meta.get_fields()}:
        own += windows_of(getattr(model._meta.get_field(name), "validators", []))
    return own


FORM_FIELDS = [
    pytest.param(form, name, field, id=f"{form.__module__}.{form.__name__}.{name}")
    for form in classes_in("forms", forms.BaseForm)
    for name, field in form.base_fields.items()
    if isinstance(field, forms.DateField | forms.DateTimeField)
    or (is_year(name) and isinstance(field, forms.IntegerField))
]


@pytest.mark.parametrize(("form", "name", "field"), FORM_FIELDS)
def test_every_date_and_year_field_of_every_form_has_a_window(form, name, field):
    assert form_field_windows(form, name, field)


def test_the_form_walk_finds_the_known_date_fields():
    names = {
        param.id.rsplit(".", 2)[-2] + "." + param.id.rsplit(".", 1)[-1] for param in FORM_FIELDS
    }
    assert {"IntakeForm.opened_on", "EntrepreneurForm.date_of_birth", "SignForm.signed_on"} <= names


# Serializers of read-only endpoints: they only write out what the code or the registry set
# (the access table checks these routes change nothing).
OUTPUT_ONLY = {"AuditEntrySerializer", "CooperationReportSerializer", "MunicipalitySerializer"}


def writable_serializer_fields():
    for serializer in classes_in("api.serializers", serializers.Serializer):
        if serializer.__name__ in OUTPUT_ONLY:
            continue
        try:
            fields = serializer(context={}).fields
        except (AssertionError, TypeError):
            continue
        for name, field in fields.items():
            dated = isinstance(field, serializers.DateField | serializers.DateTimeField)
            year = is_year(name) and isinstance(field, serializers.IntegerField)
            if (dated or year) and not field.read_only:
                yield pytest.param(field, id=f"{serializer.__name__}.{name}")


SERIALIZER_FIELDS = list(writable_serializer_fields())


@pytest.mark.parametrize("field", SERIALIZER_FIELDS)
def test_every_writable_date_and_year_of_the_api_has_a_window(field):
    assert windows_of(field.validators)


def test_the_serializer_walk_finds_the_known_date_fields():
    ids = {param.id for param in SERIALIZER_FIELDS}
    assert {"DossierCreateSerializer.opened_on", "TariffScheduleSerializer.year"} <= ids


def test_every_model_date_field_a_person_types_has_a_window():
    """Model date fields without a window are set by the code itself (not editable) or are
    reference data checked by their loader (the registry)."""
    missing = [
        f"{model.__name__}.{field.name}"
        for config in apps.get_app_configs()
        if config.name.startswith("dyzo.")
        for model in config.get_models()
        for field in model._meta.concrete_fields
        if field.get_internal_type() == "DateField"
        and field.editable
        and not windows_of(field.validators)
    ]
    assert sorted(missing) == [
        "Merger.effective_date",
        "Municipality.valid_from",
        "Municipality.valid_to",
    ]


@pytest.mark.parametrize("meaning", sorted(DATE_WINDOWS))
def test_a_window_takes_its_bounds_and_refuses_a_day_beyond(meaning):
    earliest, latest = DATE_WINDOWS[meaning].bounds()
    DateWindow(meaning)(earliest)
    DateWindow(meaning)(latest)
    for outside in (earliest - datetime.timedelta(days=1), latest + datetime.timedelta(days=1)):
        with pytest.raises(forms.ValidationError):
            DateWindow(meaning)(outside)


@pytest.mark.parametrize(
    ("meaning", "value"),
    [
        ("happened", datetime.date(2999, 1, 1)),
        ("happened", datetime.date(1800, 1, 1)),
        ("agreement", datetime.date(1, 1, 1)),
        ("agreement", datetime.date(1900, 1, 1)),
        ("agreement", datetime.date(9999, 1, 1)),
        ("birth", datetime.date(2090, 1, 1)),
    ],
)
def test_the_values_of_the_issue_are_refused(meaning, value):
    with pytest.raises(forms.ValidationError):
        DateWindow(meaning)(value)


def test_year_window():
    earliest, latest = year_bounds()
    assert (earliest, latest) == (2015, TODAY.year + 10)
    YearWindow()(2018)
    for year in (2014, latest + 1, 3000):
        with pytest.raises(forms.ValidationError):
            YearWindow()(year)


def test_the_message_names_the_bounds_in_the_date_format():
    with pytest.raises(forms.ValidationError) as caught:
        DateWindow("happened")(datetime.date(2999, 1, 1))
    assert "01/01/2015" in caught.value.messages[0]


@pytest.mark.django_db
def test_a_save_outside_the_window_is_refused_and_changes_nothing():
    entrepreneur = EntrepreneurFactory(date_of_birth=datetime.date(1980, 5, 1))
    entrepreneur.date_of_birth = datetime.date(2090, 1, 1)
    with pytest.raises(OutOfWindow):
        check_windows(entrepreneur)
    with pytest.raises(OutOfWindow):
        entrepreneur.save()
    assert Entrepreneur.objects.get().date_of_birth == datetime.date(1980, 5, 1)


@pytest.mark.parametrize("opened_on", ["2999-01-01", "1800-01-01", "2014-12-31"])
def test_the_api_refuses_a_dossier_opened_outside_the_window(client, coordinator, gent, opened_on):
    client.force_login(coordinator)
    body = {
        "entrepreneur": EntrepreneurFactory().pk,
        "case_type": "enterprise_scan",
        "municipality": "44021",
        "referring_party": "gemeente",
        "phase": "active",
        "opened_on": opened_on,
    }
    response = client.post("/api/v1/dossiers/", body, content_type="application/json")
    assert response.status_code == 400
    assert "Geef een datum tussen 01/01/2015 en" in response.json()["fields"]["opened_on"][0]
    assert not Dossier.objects.exists()


def test_the_api_refuses_entrepreneurs_born_in_2090(client, coordinator, gent):
    client.force_login(coordinator)
    body = {"first_name": "A", "last_name": "B", "municipality": "44021"}
    response = client.post(
        "/api/v1/entrepreneurs/",
        {**body, "date_of_birth": "2090-01-01"},
        content_type="application/json",
    )
    assert response.status_code == 400
    assert "date_of_birth" in response.json()["fields"]
    assert not Entrepreneur.objects.exists()


def test_the_api_refuses_a_decline_reason_for_year_3000(client, coordinator, gent):
    client.force_login(coordinator)
    body = {"municipality": "44021", "year": 3000, "code": "cost_too_high", "text": ""}
    response = client.post("/api/v1/decline-reasons/", body, content_type="application/json")
    assert response.status_code == 400
    assert not DeclineReason.objects.exists()


def test_the_advice_form_refuses_the_year_3000(client, coordinator, gent):
    client.force_login(coordinator)
    response = client.post(
        "/dossiers/advice/new/",
        {
            "asked_on": "3000-01-01",
            "municipality": gent.pk,
            "party": "gemeente",
            "channel": "phone",
            "topic": "x",
            "minutes_spent": "5",
        },
    )
    assert response.status_code == 200
    assert "Geef een datum tussen" in response.content.decode()
    assert not AdviceEntry.objects.exists()
