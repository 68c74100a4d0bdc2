"""The impact report equals an independent count, and no output shows a count below 5."""

import datetime
import io
import json

import pytest
from pypdf import PdfReader

from django.core.management import call_command
from django.urls import reverse

from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.knowledge.impact import all_values, impact_report
from dyzo.knowledge.tests.factories import SurveyFactory
from dyzo.portal.tests.factories import HelpRequestFactory

pytestmark = pytest.mark.issue(10)

YEAR = datetime.date.today().year


@pytest.fixture
def cases(gent, aalst):
    """Gent: 6 help requests, 3 advice entries, 7 enterprise scans and 2 social
    pre-investigations (one of them cancelled, not counted), 5 answered surveys.
    Aalst (same province): 5 enterprise scans."""
    HelpRequestFactory.create_batch(6, municipality=gent)
    AdviceEntryFactory.create_batch(3, municipality=gent)
    DossierFactory.create_batch(7, municipality=gent)
    DossierFactory.create_batch(2, municipality=gent, social=True)
    DossierFactory(municipality=gent, social=True, status="cancelled")
    DossierFactory.create_batch(5, municipality=aalst)
    for score in (5, 4, 4, 3, 4):
        SurveyFactory(answered=True, usefulness=score)


def _row(report, key):
    return next(row for row in report["rows"] if row["key"] == key)


def _shown_counts(report):
    """The values of the count rows (statistics are not counts)."""
    return [
        value for value in all_values(report) if not isinstance(value, float) and value is not None
    ]


def test_figures_equal_an_independent_count(cases, gent):
    report = impact_report(gent, YEAR)
    own = {row["key"]: row["municipality"] for row in report["rows"]}
    assert own["help_requests"] == 6
    assert own["advice"] == "<5"  # 3
    # 7 scans + 2 social + 5 delivered dossiers behind the surveys; the cancelled one not.
    assert own["dossiers"] == 14
    assert own["dossiers_enterprise_scan"] == 12
    assert own["dossiers_social_pre_investigation"] == "<5"  # 2
    assert own["surveys_answered"] == 5
    assert own["satisfaction_usefulness"] == 4.0
    assert own["reports_delivered"] == 5
    assert own["days_to_report_median"] == 0.0
    assert _row(report, "dossiers")["province"] == 19
    assert _row(report, "dossiers")["flanders"] == 19
    assert _row(report, "help_requests")["province"] == 6
    assert report["cost"]["cases"] == 14


def test_no_count_below_5_in_the_data(cases, gent):
    values = _shown_counts(impact_report(gent, YEAR))
    assert "<5" in values
    assert all(value == "<5" or value >= 5 for value in values)


def test_the_json_command_shows_no_count_below_5(cases, gent, tmp_path):
    target = tmp_path / "impact.json"
    call_command("impact_report", year=YEAR, nis="44021", format="json", output=str(target))
    report = json.loads(target.read_text())
    assert report["municipality"]["name"] == "Gent"
    values = _shown_counts(report)
    assert all(value == "<5" or value >= 5 for value in values)
    assert _row(report, "advice")["label"] == "Vragen beantwoord per telefoon of e-mail"


def test_the_pdf_is_dutch_and_shows_no_count_below_5(cases, gent, tmp_path):
    target = tmp_path / "impact.pdf"
    call_command("impact_report", year=YEAR, nis="44021", format="pdf", output=str(target))
    text = "\n".join(page.extract_text() for page in PdfReader(target).pages)
    assert "Impactrapport Gent" in text
    assert "<5" in text
    # Every bare whole number in the PDF (counts, but also the year and any other) is at
    # least 5; statistics carry a decimal ("4,0") and small counts read "<5".
    bare = [int(token) for token in text.split() if token.isdigit()]
    assert 6 in bare and 14 in bare and 19 in bare
    assert [number for number in bare if number < 5] == []


def test_the_page_and_the_pdf_download(client, cases, coordinator):
    client.force_login(coordinator)
    page = client.get(reverse("knowledge:impact", args=["44021", YEAR]))
    assert all_values(page.context["report"]) == all_values(impact_report(_gent(), YEAR))
    response = client.get(reverse("knowledge:impact_pdf", args=["44021", YEAR]))
    assert response["Content-Type"] == "application/pdf"
    assert PdfReader(io.BytesIO(response.content)).pages


def _gent():
    from dyzo.localgov.models import Municipality

    return Municipality.objects.get(nis_code="44021")


def test_a_worker_sees_only_the_own_municipality(client, worker_of_gent, aalst):
    client.force_login(worker_of_gent)
    assert client.get(reverse("knowledge:impact", args=["44021", YEAR])).status_code == 200
    assert client.get(reverse("knowledge:impact", args=["41002", YEAR])).status_code == 404


def test_the_command_refuses_an_unknown_municipality(registry):
    with pytest.raises(Exception, match="No municipality"):
        call_command("impact_report", year=YEAR, nis="00000", format="json")
