import pytest

from django.urls import reverse

from dyzo.agreements.tests.factories import TariffScheduleFactory


@pytest.mark.parametrize("name", ["portal:quote", "portal:quote_pdf"])
def test_a_worker_gets_the_quote_of_the_own_municipality_only(
    client, worker_of_gent, gent, aalst, name
):
    TariffScheduleFactory()
    client.force_login(worker_of_gent)

    own = client.get(reverse(name, args=[gent.nis_code]))
    other = client.get(reverse(name, args=[aalst.nis_code]))

    assert own.status_code == 200
    assert other.status_code == 404


def test_the_quote_page_shows_the_subscription_price(client, worker_of_gent, gent):
    TariffScheduleFactory(year=2026)
    client.force_login(worker_of_gent)

    response = client.get(reverse("portal:quote", args=[gent.nis_code]))

    assert response.context["quote"].municipality == gent
    assert response.context["quote"].subscription_price is not None
