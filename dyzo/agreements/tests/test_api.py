import datetime
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from dyzo.agreements.constants import AgreementStatus
from dyzo.agreements.models import Agreement, TariffSchedule
from dyzo.agreements.tests.factories import (
    PDF_BYTES,
    AgreementFactory,
    TariffScheduleFactory,
    municipality,
)

AGREEMENTS = "/api/v1/agreements/"
TARIFFS = "/api/v1/tariff-schedules/"


def one(pk, action=""):
    return f"{AGREEMENTS}{pk}/{action + '/' if action else ''}"


@pytest.fixture
def agreement(registry):
    return AgreementFactory()


@pytest.mark.parametrize(
    ("persona", "method", "target", "status"),
    [
        ("coordinator", "get", "list", 200),
        ("analyst", "get", "list", 200),
        ("expert", "get", "list", 200),
        ("worker_of_gent", "get", "list", 200),
        ("worker_of_gent", "get", "detail", 200),
        ("worker_of_aalst", "get", "detail", 404),
        ("coordinator", "post", "list", 201),
        ("administrator", "post", "list", 201),
        ("analyst", "post", "list", 403),
        ("worker_of_gent", "post", "list", 403),
        ("coordinator", "patch", "detail", 200),
        ("analyst", "patch", "detail", 403),
        ("worker_of_gent", "patch", "detail", 403),
        ("coordinator", "post", "propose", 200),
        ("expert", "post", "propose", 403),
        ("coordinator", "get", "tariffs", 200),
        ("analyst", "get", "tariffs", 200),
        ("expert", "get", "tariffs", 403),
        ("worker_of_gent", "get", "tariffs", 403),
        ("analyst", "post", "tariffs", 403),
    ],
)
def test_access(client, request, agreement, persona, method, target, status):
    client.force_login(request.getfixturevalue(persona))
    url = {
        "list": AGREEMENTS,
        "detail": one(agreement.pk),
        "propose": one(agreement.pk, "propose"),
        "tariffs": TARIFFS,
    }[target]
    body = {
        "municipality": "41002",
        "party": "ocmw",
        "form": "pay_per_case",
        "starts_on": "2026-01-01",
        "notes": "x",
    }
    if method == "get":
        response = client.get(url)
    else:
        response = getattr(client, method)(url, body, content_type="application/json")
    assert response.status_code == status


def test_anonymous_gets_403(client, registry):
    assert client.get(AGREEMENTS).status_code == 403


def test_create_proposes_the_fee(client, coordinator, registry):
    TariffScheduleFactory(year=2026)
    client.force_login(coordinator)
    body = {"municipality": "44021", "party": "both", "form": "annual_agreement"}
    body["starts_on"] = "2026-01-01"
    response = client.post(AGREEMENTS, body, content_type="application/json")
    assert response.status_code == 201
    assert response.json()["annual_fee"] == "12000.00"
    assert response.json()["status"] == "draft"


def test_create_refusal_is_a_400_and_saves_nothing(client, coordinator, registry):
    client.force_login(coordinator)
    body = {"municipality": "46003", "party": "ocmw", "form": "annual_agreement"}
    body["starts_on"] = "2026-01-01"
    response = client.post(AGREEMENTS, body, content_type="application/json")
    assert response.status_code == 400
    assert not Agreement.objects.exists()


def test_sign_with_document_and_terminate(client, coordinator, agreement):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("signed.pdf", PDF_BYTES, content_type="application/pdf")
    data = {"signed_on": "2026-01-02", "document": upload}
    response = client.post(one(agreement.pk, "sign"), data)
    assert response.status_code == 200
    assert response.json()["has_document"] is True
    response = client.post(
        one(agreement.pk, "terminate"), {"ends_on": "2026-10-31"}, content_type="application/json"
    )
    assert response.json()["status"] == AgreementStatus.TERMINATED
    assert Agreement.objects.get().ends_on == datetime.date(2026, 10, 31)


def test_sign_needs_the_sign_permission(client, analyst, agreement):
    client.force_login(analyst)
    response = client.post(one(agreement.pk, "sign"), {"signed_on": "2026-01-02"})
    assert response.status_code == 403


def test_document_must_be_a_pdf(client, coordinator, agreement):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("signed.pdf", b"GIF89a", content_type="application/pdf")
    response = client.post(one(agreement.pk, "document"), {"document": upload})
    assert response.status_code == 400
    assert not Agreement.objects.get().document


def test_filters(client, coordinator, registry):
    signed = AgreementFactory(signed=True, starts_on=datetime.date(2024, 1, 1))
    AgreementFactory(per_case=True, municipality=municipality("11001"))
    client.force_login(coordinator)
    query = "?status=signed&form=annual_agreement&province=Oost-Vlaanderen&year=2025"
    assert [row["id"] for row in client.get(AGREEMENTS + query).json()["results"]] == [signed.pk]
    assert client.get(AGREEMENTS + "?municipality=11001").json()["results"][0]["form"] == (
        "pay_per_case"
    )
    assert client.get(AGREEMENTS + "?year=abc").status_code == 400


@pytest.mark.parametrize("size", [1, 20])
def test_list_query_count_is_constant(
    client, coordinator, registry, size, django_assert_num_queries
):
    for _ in range(size):
        AgreementFactory()
    client.force_login(coordinator)
    with django_assert_num_queries(4):
        # session, user, the role's permissions, one page of agreements with municipality
        # and province
        response = client.get(AGREEMENTS)
    assert len(response.json()["results"]) == size


def test_tariff_schedule_create_and_replace(client, coordinator, db):
    client.force_login(coordinator)
    body = {
        "year": 2027,
        "price_enterprise_scan": "800.00",
        "price_social_pre_investigation": "500.00",
        "brackets": [{"population_from": 0, "population_to": None, "annual_price": "999.00"}],
    }
    assert client.post(TARIFFS, body, content_type="application/json").status_code == 201
    body["brackets"] = [
        {"population_from": 0, "population_to": 9999, "annual_price": "1000.00"},
        {"population_from": 10000, "population_to": None, "annual_price": "2000.00"},
    ]
    response = client.put(f"{TARIFFS}2027/", body, content_type="application/json")
    assert response.status_code == 200
    assert len(response.json()["brackets"]) == 2
    assert TariffSchedule.objects.get().subscription_price_for(20_000) == Decimal("2000.00")


def test_tariff_overlap_is_a_400(client, coordinator, db):
    client.force_login(coordinator)
    body = {
        "year": 2027,
        "price_enterprise_scan": "800.00",
        "price_social_pre_investigation": "500.00",
        "brackets": [
            {"population_from": 0, "population_to": 10000, "annual_price": "1000.00"},
            {"population_from": 5000, "population_to": None, "annual_price": "2000.00"},
        ],
    }
    assert client.post(TARIFFS, body, content_type="application/json").status_code == 400
    assert not TariffSchedule.objects.exists()


@pytest.mark.parametrize("size", [1, 20])
def test_tariff_list_query_count_is_constant(
    client, coordinator, db, size, django_assert_num_queries
):
    for year in range(2015, 2015 + size):
        TariffScheduleFactory(year=year)
    client.force_login(coordinator)
    with django_assert_num_queries(5):
        # session, user, the role's permissions, one page of schedules, their brackets
        response = client.get(TARIFFS)
    assert len(response.json()["results"]) == size


@pytest.mark.issue(9)
def test_a_document_name_with_control_characters_is_refused(client, coordinator, agreement):
    client.force_login(coordinator)
    upload = SimpleUploadedFile("signed\x07\x1b.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(
        one(agreement.pk, "sign"), {"signed_on": "2026-01-02", "document": upload}
    )
    assert response.status_code == 400
    assert "stuurtekens" in response.content.decode()
    agreement.refresh_from_db()
    assert agreement.status != AgreementStatus.SIGNED and not agreement.document
