import datetime
from decimal import Decimal

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import (
    PDF_BYTES,
    AgreementFactory,
    TariffScheduleFactory,
    municipality,
)

LIST = reverse("agreements:list")
CREATE = reverse("agreements:create")


def url(name, agreement):
    return reverse(f"agreements:{name}", args=[agreement.pk])


@pytest.fixture
def agreement(registry):
    return AgreementFactory(with_document=True)


ACCESS = [
    ("coordinator", "get", "list", 200),
    ("administrator", "get", "list", 200),
    ("expert", "get", "list", 200),
    ("analyst", "get", "list", 200),
    ("worker_of_gent", "get", "list", 200),
    ("coordinator", "get", "detail", 200),
    ("analyst", "get", "detail", 200),
    ("worker_of_gent", "get", "detail", 200),
    ("worker_of_aalst", "get", "detail", 404),
    ("coordinator", "get", "create", 200),
    ("administrator", "get", "create", 200),
    ("analyst", "get", "create", 403),
    ("expert", "get", "create", 403),
    ("worker_of_gent", "get", "create", 403),
    ("coordinator", "get", "edit", 200),
    ("analyst", "get", "edit", 403),
    ("worker_of_gent", "get", "edit", 403),
    ("worker_of_aalst", "get", "edit", 404),
    ("coordinator", "get", "sign", 200),
    ("analyst", "get", "sign", 403),
    ("worker_of_gent", "get", "sign", 403),
    ("worker_of_aalst", "get", "sign", 404),
    ("coordinator", "get", "terminate", 200),
    ("expert", "get", "terminate", 403),
    ("worker_of_aalst", "get", "terminate", 404),
    ("coordinator", "post", "propose", 302),
    ("analyst", "post", "propose", 403),
    ("worker_of_gent", "post", "propose", 403),
    ("worker_of_aalst", "post", "propose", 404),
    ("coordinator", "get", "document", 200),
    ("worker_of_gent", "get", "document", 200),
    ("worker_of_aalst", "get", "document", 404),
    ("worker_of_gent", "post", "document", 403),
    ("analyst", "post", "document", 403),
]


@pytest.mark.parametrize(("persona", "method", "name", "status"), ACCESS)
def test_access(client, request, agreement, persona, method, name, status):
    client.force_login(request.getfixturevalue(persona))
    target = reverse(f"agreements:{name}") if name in ("list", "create") else url(name, agreement)
    response = getattr(client, method)(target)
    assert response.status_code == status
    if name == "document" and status == 200:
        assert b"".join(response.streaming_content) == PDF_BYTES


@pytest.mark.parametrize("name", ["list", "detail", "create", "document"])
def test_anonymous_is_sent_to_login(client, agreement, name):
    target = reverse(f"agreements:{name}") if name in ("list", "create") else url(name, agreement)
    response = client.get(target)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("accounts:login"))


def test_worker_sees_only_own_agreements_and_no_actions(client, worker_of_gent, agreement):
    AgreementFactory(municipality=municipality("41002"))
    client.force_login(worker_of_gent)
    assert list(client.get(LIST).context["page"].items) == [agreement]
    content = client.get(url("detail", agreement)).content.decode()
    assert url("edit", agreement) not in content
    assert url("sign", agreement) not in content


def test_filters(client, coordinator, registry):
    signed = AgreementFactory(signed=True, starts_on=datetime.date(2024, 1, 1))
    AgreementFactory(per_case=True, municipality=municipality("11001"))
    client.force_login(coordinator)
    oost = municipality("44021").province
    query = {"status": "signed", "form": AgreementForm.ANNUAL, "province": oost.pk, "year": 2025}
    assert list(client.get(LIST, query).context["page"].items) == [signed]
    assert list(client.get(LIST, {"year": 2023}).context["page"].items) == []


def test_htmx_request_gets_only_the_rows(client, coordinator, agreement):
    client.force_login(coordinator)
    response = client.get(LIST, headers={"HX-Request": "true"})
    assert b"<html" not in response.content
    assert b"Gent" in response.content


def test_keyset_pages_cover_every_agreement_once(client, coordinator, registry):
    for day in range(30):
        AgreementFactory(starts_on=datetime.date(2026, 1, 1) + datetime.timedelta(days=day % 7))
    client.force_login(coordinator)
    seen, query = [], {}
    while True:
        page = client.get(LIST, query).context["page"]
        seen += [item.pk for item in page.items]
        if not page.next_cursor:
            break
        query = {"after": page.next_cursor}
    assert sorted(seen) == sorted(Agreement.objects.values_list("pk", flat=True))
    assert len(seen) == len(set(seen)) == 30


@pytest.mark.parametrize("size", [1, 20])
def test_list_query_count_is_constant(
    client, coordinator, registry, size, django_assert_num_queries
):
    for _ in range(size):
        AgreementFactory(municipality=municipality("11001"))
    client.force_login(coordinator)
    with django_assert_num_queries(6):
        # session, user, the role's permissions, provinces for the filter, one page of
        # agreements joined with municipality and province, the capped count (issue 11)
        response = client.get(LIST)
    assert len(response.context["page"].items) == size
    assert response.context["count"].total == size


@pytest.mark.issue(11)
@pytest.mark.parametrize("param", ["starts_on", "-starts_on", "status", "-status"])
def test_the_list_sorts_by_start_and_status_both_ways_across_pages(
    client, coordinator, registry, param
):
    import datetime

    statuses = ["draft", "proposed", "signed"]
    for n in range(30):
        AgreementFactory(
            municipality=municipality("11001"),
            starts_on=datetime.date(2020 + n % 4, 1, 1),
            status=statuses[n % 3],
        )
    key = param.lstrip("-")
    descending = param.startswith("-")
    tie = (lambda a: a.pk) if key == "starts_on" else (lambda a: -a.pk)
    expected = sorted(
        Agreement.objects.all(), key=lambda a: (getattr(a, key), tie(a)), reverse=descending
    )
    client.force_login(coordinator)
    seen, query = [], {"sort": param}
    while True:
        response = client.get(LIST, query)
        seen += [item.pk for item in response.context["page"].items]
        if not response.context["page"].next_cursor:
            break
        query = {"sort": param, "after": response.context["page"].next_cursor}
    assert seen == [a.pk for a in expected]
    assert "30 resultaten" in response.content.decode()
    assert 'aria-sort="descending"' in response.content.decode() or not descending


def test_create_proposes_the_fee_and_opens_the_draft(client, coordinator, registry):
    TariffScheduleFactory(year=2026)
    client.force_login(coordinator)
    response = client.get(CREATE, {"municipality": "41002"})
    assert response.context["form"].initial["municipality"] == municipality("41002")
    data = {
        "municipality": municipality("41002").pk,
        "party": AgreementParty.BOTH,
        "form": AgreementForm.ANNUAL,
        "starts_on": "2026-01-01",
    }
    response = client.post(CREATE, data)
    agreement = Agreement.objects.get()
    assert response["Location"] == url("detail", agreement)
    assert agreement.annual_fee == Decimal("6000.00")
    assert agreement.status == AgreementStatus.DRAFT


def test_create_shows_refusal_and_saves_nothing(client, coordinator, registry):
    client.force_login(coordinator)
    data = {
        "municipality": municipality("46003").pk,  # Beveren, merged in 2025
        "party": AgreementParty.OCMW,
        "form": AgreementForm.ANNUAL,
        "starts_on": "2026-01-01",
    }
    response = client.post(CREATE, data)
    assert response.status_code == 200
    assert response.context["form"].non_field_errors()
    assert not Agreement.objects.exists()


def test_edit_a_draft_and_then_only_notes_once_signed(client, coordinator, registry):
    agreement = AgreementFactory()
    client.force_login(coordinator)
    data = {"party": "both", "form": "annual_agreement", "starts_on": "2026-02-01"}
    data["annual_fee"] = "10000"
    client.post(url("edit", agreement), data)
    agreement.refresh_from_db()
    assert (agreement.party, agreement.annual_fee) == ("both", Decimal("10000"))
    signed = AgreementFactory(signed=True, starts_on=datetime.date(2027, 1, 1))
    assert list(client.get(url("edit", signed)).context["form"].fields) == ["notes"]
    client.post(url("edit", signed), {"notes": "Evaluatie in juni"})
    assert Agreement.objects.get(pk=signed.pk).notes == "Evaluatie in juni"


def test_propose_sign_and_terminate(client, coordinator, registry):
    agreement = AgreementFactory()
    client.force_login(coordinator)
    client.post(url("propose", agreement))
    assert Agreement.objects.get().status == AgreementStatus.PROPOSED
    upload = SimpleUploadedFile("getekend.pdf", PDF_BYTES, content_type="application/pdf")
    response = client.post(url("sign", agreement), {"signed_on": "2026-01-05", "document": upload})
    assert response.status_code == 302
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.SIGNED and agreement.document
    client.post(url("terminate", agreement), {"ends_on": "2026-12-31"})
    agreement.refresh_from_db()
    assert agreement.status == AgreementStatus.TERMINATED
    assert agreement.ends_on == datetime.date(2026, 12, 31)


def test_sign_refuses_a_file_that_is_not_a_pdf(client, coordinator, registry):
    agreement = AgreementFactory()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("getekend.pdf", b"<html></html>", content_type="application/pdf")
    response = client.post(url("sign", agreement), {"signed_on": "2026-01-05", "document": upload})
    assert response.status_code == 200
    assert "document" in response.context["form"].errors
    assert Agreement.objects.get().status == AgreementStatus.DRAFT


def test_sign_without_document_needs_the_box_ticked(client, coordinator, registry):
    agreement = AgreementFactory()
    client.force_login(coordinator)
    response = client.post(url("sign", agreement), {"signed_on": "2026-01-05"})
    assert response.context["form"].non_field_errors()
    data = {"signed_on": "2026-01-05", "without_document": "on"}
    assert client.post(url("sign", agreement), data).status_code == 302
    assert Agreement.objects.get().status == AgreementStatus.SIGNED


def test_upload_document_from_the_detail_page(client, coordinator, registry):
    agreement = AgreementFactory(signed=True)
    client.force_login(coordinator)
    upload = SimpleUploadedFile("scan.pdf", PDF_BYTES, content_type="application/pdf")
    assert client.post(url("document", agreement), {"document": upload}).status_code == 302
    response = client.get(url("document", agreement))
    assert b"".join(response.streaming_content) == PDF_BYTES
    assert response["Content-Type"] == "application/pdf"


def test_refused_propose_shows_a_message(client, coordinator, registry):
    agreement = AgreementFactory(signed=True)
    client.force_login(coordinator)
    response = client.post(url("propose", agreement), follow=True)
    assert [m.level_tag for m in response.context["messages"]] == ["error"]
    assert Agreement.objects.get().status == AgreementStatus.SIGNED
