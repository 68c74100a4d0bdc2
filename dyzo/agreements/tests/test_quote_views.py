import pytest

from django.urls import reverse

from dyzo.agreements.tests.factories import TariffScheduleFactory, municipality
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.utils.tests.pdf import pdf_text

PAGE = reverse("agreements:quote", args=["41002"])
PDF = reverse("agreements:quote_pdf", args=["41002"])


@pytest.fixture
def aalst_cases(registry):
    TariffScheduleFactory(year=2026)
    aalst = municipality("41002")
    for _ in range(3):
        DossierFactory(municipality=aalst, year=2025)
    DossierFactory(municipality=aalst, year=2024, social=True)


@pytest.mark.parametrize(
    ("persona", "status"),
    [
        ("coordinator", 200),
        ("administrator", 200),
        ("analyst", 200),
        ("expert", 403),
        ("worker_of_aalst", 403),
    ],
)
def test_access(client, request, registry, persona, status):
    client.force_login(request.getfixturevalue(persona))
    assert client.get(PAGE).status_code == status


def test_unknown_municipality_is_404(client, coordinator, registry):
    client.force_login(coordinator)
    assert client.get(reverse("agreements:quote", args=["99999"])).status_code == 404


def test_page_shows_subscription_and_past_cases(client, coordinator, aalst_cases):
    client.force_login(coordinator)
    content = client.get(PAGE).content.decode()
    assert "87.332" in content or "87,332" in content  # the population used
    assert "EUR 6.000,00" in content  # the subscription price
    assert "EUR 2.250,00" in content  # three enterprise scans in 2025 at 750
    assert "EUR 900,00" in content  # the yearly average of 2023-2025


def test_pdf_opens_and_carries_the_figures(client, coordinator, aalst_cases):
    client.force_login(coordinator)
    response = client.get(PDF)
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF")
    text = pdf_text(response.content, layout=True)
    assert "Aalst" in text
    assert "EUR 6.000,00" in text
    assert "EUR 2.250,00" in text
    assert "EUR 900,00" in text
