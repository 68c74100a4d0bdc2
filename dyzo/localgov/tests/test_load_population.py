"""Loading a later year's population (issue 11, point 2): checked against the registry of that
year, all or nothing, and the year a figure was counted shown wherever it is used."""

import datetime
import io

import pytest
from pypdf import PdfReader

from django.core.management import CommandError, call_command
from django.urls import reverse

from dyzo.agreements.pricing import counted_population, quote_for
from dyzo.agreements.services import create_agreement
from dyzo.agreements.tests.factories import TariffScheduleFactory
from dyzo.audit.models import AuditEntry
from dyzo.localgov.models import Municipality, Population

pytestmark = [pytest.mark.django_db, pytest.mark.issue(11)]
YEAR = 2026


def codes_of(year: int) -> list[str]:
    return list(Municipality.objects.of_year(year).values_list("nis_code", flat=True))


def statbel_csv(tmp_path, lines, header="nis_code;population"):
    path = tmp_path / "population.csv"
    path.write_text("\n".join([header, *lines]) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def complete_2026(registry, tmp_path):
    """A figure for each of the 285 municipalities of 2026; Antwerpen's includes Borsbeek."""
    lines = [f"{code};{'540.196' if code == '11002' else 10_000}" for code in codes_of(YEAR)]
    return statbel_csv(tmp_path, lines)


def load(path, year=YEAR):
    out, err = io.StringIO(), io.StringIO()
    call_command("load_population", "--year", str(year), str(path), stdout=out, stderr=err)
    return out.getvalue()


def test_a_complete_file_is_loaded(complete_2026):
    assert "285" in load(complete_2026)
    assert Population.objects.filter(year=YEAR).count() == 285
    assert Population.objects.get(year=YEAR, municipality__nis_code="11002").inhabitants == 540196
    entry = AuditEntry.objects.get(code="population.loaded")
    assert entry.data == {"year": YEAR, "created": 285, "replaced": 0}


def test_loading_again_replaces_the_years_figures(complete_2026):
    load(complete_2026)
    load(complete_2026)
    assert Population.objects.filter(year=YEAR).count() == 285


@pytest.mark.parametrize(
    ("change", "problem"),
    [
        (lambda lines: [*lines, "11007;10949"], "11007 bestond niet op 1 januari 2026"),
        (lambda lines: [*lines, "99999;5"], "onbekende NIS-code 99999"),
        (lambda lines: [*lines, lines[0]], "komt twee keer voor"),
        (lambda lines: lines[1:], "1 gemeenten van 2026 ontbreken: 11001"),
        (lambda lines: [lines[0].replace("10000", "-3"), *lines[1:]], "geheel getal"),
        (lambda lines: [lines[0].replace("10000", "veel"), *lines[1:]], "geheel getal"),
    ],
)
def test_a_bad_file_changes_nothing(registry, tmp_path, change, problem):
    lines = change([f"{code};10000" for code in codes_of(YEAR)])
    err = io.StringIO()
    with pytest.raises(CommandError, match="Er werd niets geladen"):
        call_command(
            "load_population", "--year", str(YEAR), statbel_csv(tmp_path, lines), stderr=err
        )
    assert problem in err.getvalue()
    assert not Population.objects.filter(year=YEAR).exists()


def test_a_wrong_header_is_refused(registry, tmp_path):
    path = statbel_csv(tmp_path, ["11001;10000"], header="code;inwoners")
    with pytest.raises(CommandError):
        load(path)
    assert not Population.objects.filter(year=YEAR).exists()


def test_the_tariff_uses_the_new_figure_and_says_when_it_was_counted(complete_2026):
    antwerpen = Municipality.objects.get(nis_code="11002")
    before = counted_population(antwerpen, YEAR)
    assert (before.inhabitants, before.year) == (529247 + 10949, 2020)  # with Borsbeek's
    load(complete_2026)
    after = counted_population(antwerpen, YEAR)
    # The 2026 count already includes Borsbeek (merged 2025): nothing is added twice.
    assert (after.inhabitants, after.year) == (540196, YEAR)
    assert quote_for(antwerpen, YEAR).population_year == YEAR


def test_the_registry_shows_the_year_each_figure_was_counted(client, coordinator, registry):
    client.force_login(coordinator)
    response = client.get(reverse("localgov:municipality_list"), {"year": YEAR})
    aartselaar = next(m for m in response.context["page"].items if m.nis_code == "11001")
    assert (aartselaar.population, aartselaar.population_year) == (14427, 2020)
    assert "(2020)" in response.content.decode()
    api = client.get("/api/v1/municipalities/11001/", {"year": YEAR}).json()
    assert (api["population"], api["population_year"]) == (14427, 2020)


def test_the_quote_page_and_pdf_say_when_the_population_was_counted(client, coordinator, registry):
    TariffScheduleFactory(year=datetime.date.today().year)
    client.force_login(coordinator)
    html = client.get(reverse("agreements:quote", args=["11001"])).content.decode()
    assert 'id="population-year"' in html
    assert "1 januari 2020" in html
    pdf = client.get(reverse("agreements:quote_pdf", args=["11001"]))
    content = b"".join(pdf.streaming_content) if pdf.streaming else pdf.content
    text = " ".join(
        " ".join(p.extract_text().split()) for p in PdfReader(io.BytesIO(content)).pages
    )
    assert "Inwoners geteld op 1 januari 2020" in text


def test_a_proposed_fee_records_the_count_it_rests_on(registry, coordinator):
    TariffScheduleFactory(year=YEAR)
    aartselaar = Municipality.objects.get(nis_code="11001")
    agreement = create_agreement(
        aartselaar,
        actor=coordinator,
        party="ocmw",
        form="annual_agreement",
        starts_on=datetime.date(YEAR, 1, 1),
    )
    assert agreement.annual_fee is not None
    entry = AuditEntry.objects.get(code="agreement.created")
    assert entry.data["population"] == {"inhabitants": 14427, "year": 2020}


def test_creating_a_subscription_says_which_count_its_fee_rests_on(client, coordinator, registry):
    TariffScheduleFactory(year=YEAR)
    client.force_login(coordinator)
    data = {
        "municipality": Municipality.objects.get(nis_code="41002").pk,  # Aalst
        "party": "both",
        "form": "annual_agreement",
        "starts_on": f"{YEAR}-01-01",
    }
    response = client.post(reverse("agreements:create"), data, follow=True)
    messages = [str(message) for message in response.context["messages"]]
    assert any("geteld op 1 januari 2020" in message for message in messages)
