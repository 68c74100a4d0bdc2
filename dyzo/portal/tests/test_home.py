import datetime

import pytest

from django.urls import reverse

from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.dossiers.tests.factories import AdviceEntryFactory, DossierFactory
from dyzo.insights.constants import Category

HOME = reverse("portal:home")
THIS_YEAR = datetime.date.today().year


def test_home_sends_municipal_workers_to_the_portal(client, worker_of_gent):
    client.force_login(worker_of_gent)

    response = client.get(reverse("home"))

    assert response.status_code == 302
    assert response.url == HOME


@pytest.mark.parametrize("persona", ["coordinator", "expert", "analyst", "administrator"])
def test_the_portal_is_for_municipal_workers_only(client, request, persona):
    client.force_login(request.getfixturevalue(persona))

    assert client.get(HOME).status_code == 403


def test_the_portal_shows_agreements_and_use_of_the_own_municipality(
    client, worker_of_gent, gent, aalst
):
    AgreementFactory(municipality=gent, signed=True, starts_on=datetime.date(THIS_YEAR, 1, 1))
    AgreementFactory(municipality=aalst, signed=True, starts_on=datetime.date(THIS_YEAR, 1, 1))
    DossierFactory(municipality=gent)
    DossierFactory(municipality=gent, social=True, investigation=True)
    DossierFactory(municipality=aalst)
    AdviceEntryFactory(municipality=gent)
    client.force_login(worker_of_gent)

    response = client.get(HOME)

    [use] = response.context["uses"]
    assert use.municipality == gent
    assert len(use.agreements) == 1
    assert use.dossier_total == 2
    assert use.advice_count == 1
    assert use.category == Category.ANNUAL_AGREEMENT
    assert "Aalst" not in response.content.decode()


@pytest.mark.issue(11)
def test_a_year_without_cooperation_data_says_so_instead_of_none(client, worker_of_gent):
    client.force_login(worker_of_gent)
    response = client.get(reverse("portal:home"))
    assert [use.category for use in response.context["uses"]] == [None]
    assert "Geen gegevens voor dit jaar" in response.content.decode()


def _work_of(response):
    return {work.key: work for work in response.context["work"]}


def _make_work(worker, gent, other_worker, rows):
    from dyzo.knowledge.tests.factories import (
        RegistrationFactory,
        SurveyFactory,
        TrainingFactory,
    )
    from dyzo.portal.tests.factories import HelpRequestFactory

    for _ in range(rows):
        HelpRequestFactory(municipality=gent)
        SurveyFactory()  # a delivered report of Gent with its survey waiting for an answer
        RegistrationFactory(worker=worker, municipality=gent)
        TrainingFactory()


@pytest.mark.issue(11)
def test_the_portal_shows_what_needs_the_worker_today(client, worker_of_gent, gent, aalst):
    from dyzo.knowledge.tests.factories import RegistrationFactory, TrainingFactory
    from dyzo.portal.tests.factories import HelpRequestFactory

    mine = HelpRequestFactory(municipality=gent)
    HelpRequestFactory(municipality=gent, status="answered")
    HelpRequestFactory(municipality=aalst)
    _make_work(worker_of_gent, gent, None, 1)
    waiting = RegistrationFactory(worker=worker_of_gent, municipality=gent, waiting=True)
    TrainingFactory(past=True)
    client.force_login(worker_of_gent)

    response = client.get(HOME)

    work = _work_of(response)
    assert [row.pk for row in work["my_requests"].rows] == [mine.pk, mine.pk + 3]
    assert work["delivered_reports"].count == 1
    assert work["surveys_waiting"].count == 1
    trainings = work["upcoming_trainings"].rows
    assert len(trainings) == 3  # the past one is not shown
    assert sorted(str(training.own_status) for training in trainings) == [
        "None",
        "registered",
        "waiting",
    ]
    assert waiting.training in trainings
    html = response.content.decode()
    assert "Je staat op de wachtlijst" in html
    assert "Tevredenheidsbevragingen die op je antwoord wachten" in html


@pytest.mark.issue(11)
@pytest.mark.parametrize("rows", [1, 20])
def test_the_portal_start_page_takes_a_constant_number_of_queries(
    client, worker_of_gent, gent, rows
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    _make_work(worker_of_gent, gent, None, rows)
    client.force_login(worker_of_gent)
    client.get(HOME)  # warm the session and caches

    with CaptureQueriesContext(connection) as captured:
        response = client.get(HOME)

    assert response.status_code == 200
    work = _work_of(response)
    assert {key: item.count for key, item in work.items()} == {
        "my_requests": rows,
        "delivered_reports": rows,
        "surveys_waiting": rows,
        "upcoming_trainings": 2 * rows,
    }
    # Each kind of work: one query for its first rows, one more for the total beyond them.
    expected = 14 if rows == 1 else 14 + 4
    assert len(captured) == expected, [query["sql"][:120] for query in captured]


@pytest.mark.issue(12)
def test_the_start_page_lists_the_reports_of_the_last_90_days_only(
    client, worker_of_gent, gent, aalst
):
    from dyzo.reports.tests.factories import WrittenReportFactory

    today = datetime.date.today()

    def delivered(days_ago, municipality=gent):
        return WrittenReportFactory(
            delivered=True,
            dossier__municipality=municipality,
            dossier__report_delivered_on=today - datetime.timedelta(days=days_ago),
        )

    recent, edge = delivered(3), delivered(90)
    delivered(91)  # older: in the dossier list, no longer "to read" on the start page
    delivered(1, municipality=aalst)
    client.force_login(worker_of_gent)

    work = _work_of(client.get(HOME))["delivered_reports"]

    assert sorted(report.pk for report in work.rows) == sorted([recent.pk, edge.pk])
    assert work.count == 2
    assert "Verslagen bezorgd in de laatste 90 dagen" in client.get(HOME).content.decode()
