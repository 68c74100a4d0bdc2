"""Each role's start page shows what needs them today, with a fixed number of queries."""

import datetime

import pytest

from django.urls import reverse

from dyzo.dossiers.tests.factories import ActivityFactory, DossierFactory, TeamMemberFactory
from dyzo.outreach.tests.factories import ContactFactory
from dyzo.portal.tests.factories import HelpRequestFactory
from dyzo.reports.tests.factories import WrittenReportFactory

HOME = reverse("home")
TODAY = datetime.date.today()


def page(client, user) -> str:
    client.force_login(user)
    response = client.get(HOME, headers={"accept-language": "en"})
    assert response.status_code == 200
    return response.content.decode()


def test_the_coordinator_sees_requests_reports_overdue_dossiers_and_follow_ups(
    client, coordinator, gent
):
    HelpRequestFactory()
    report = WrittenReportFactory(submitted=True)
    late = DossierFactory(investigation=True)
    late.status_changed_on = TODAY - datetime.timedelta(days=400)
    late.save(update_fields=["status_changed_on"])
    ContactFactory(follow_up_on=TODAY)
    html = page(client, coordinator)
    assert 'New help requests <span class="count">(1)</span>' in html
    assert 'Reports awaiting approval <span class="count">(1)</span>' in html
    assert report.dossier.reference in html
    assert 'Overdue dossiers <span class="count">(1)</span>' in html
    assert late.reference in html
    assert 'Follow-ups due <span class="count">(1)</span>' in html


def test_an_empty_worklist_says_nothing_waits(client, coordinator):
    assert page(client, coordinator).count("Nothing waiting.") == 4


def test_the_expert_sees_own_open_dossiers_and_next_activities(client, expert, gent):
    mine = TeamMemberFactory(user=expert, dossier=DossierFactory(investigation=True)).dossier
    other = DossierFactory(investigation=True)
    ActivityFactory(dossier=mine, happened_on=TODAY + datetime.timedelta(days=3))
    html = page(client, expert)
    assert 'My open dossiers <span class="count">(1)</span>' in html
    assert mine.reference in html and other.reference not in html
    assert 'Next activities <span class="count">(1)</span>' in html


def test_the_analyst_sees_the_latest_figures(client, analyst, registry):
    html = page(client, analyst)
    assert f"Latest figures: {TODAY.year}" in html
    assert reverse("insights:cooperation_report", args=[TODAY.year]) in html


@pytest.mark.parametrize("rows", [1, 9])
def test_the_coordinator_home_costs_a_fixed_number_of_queries(
    client, coordinator, gent, rows, django_assert_num_queries
):
    HelpRequestFactory.create_batch(rows)
    ContactFactory.create_batch(rows, follow_up_on=TODAY)
    client.force_login(coordinator)
    client.get(HOME)
    # 1 session, 2 user, then per kind its rows (and, when the rows fill the list, its
    # count): help requests, reports, overdue dossiers, follow-ups.
    with django_assert_num_queries(6 + (2 if rows > 8 else 0)):
        assert client.get(HOME).status_code == 200
