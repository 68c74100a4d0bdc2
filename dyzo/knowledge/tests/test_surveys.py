import pytest
from post_office.mail import send_queued

from django.urls import reverse

from dyzo.audit.models import AuditEntry
from dyzo.knowledge import surveys as services
from dyzo.knowledge.errors import SurveyError
from dyzo.knowledge.models import Survey
from dyzo.knowledge.tests.factories import SurveyFactory
from dyzo.reports.services import deliver_report
from dyzo.reports.tests.factories import WrittenReportFactory

pytestmark = pytest.mark.issue(10)

ANSWER = {"usefulness": 5, "clarity": 4, "timeliness": 3, "comment": "Helder"}


def test_delivery_opens_a_survey_and_mails_the_link_through_the_queue(
    gent, worker_of_gent, coordinator, mailoutbox, settings
):
    settings.DYZO_BASE_URL = "https://lokaal.example.org"
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "django.core.mail.backends.locmem.EmailBackend"},
    }
    report = WrittenReportFactory(
        approved=True, dossier__municipality=gent, dossier__referring_worker=worker_of_gent
    )
    deliver_report(report, actor=coordinator)
    survey = Survey.objects.get(report=report)
    assert survey.municipality == gent and not survey.is_answered
    assert mailoutbox == []  # queued with the delivery, sent by the mail worker

    send_queued()

    [mail] = [mail for mail in mailoutbox if "/knowledge/survey/" in mail.body]
    assert mail.to == [worker_of_gent.email]
    assert f"https://lokaal.example.org/knowledge/survey/{survey.token}/" in mail.body
    assert report.dossier.reference in mail.subject and "rapport" in mail.subject


def test_one_answer_per_report(registry, worker_of_gent):
    survey = SurveyFactory()
    services.answer_survey(survey, ANSWER, actor=worker_of_gent)
    with pytest.raises(SurveyError):
        services.answer_survey(survey, {**ANSWER, "usefulness": 1}, actor=worker_of_gent)
    survey.refresh_from_db()
    assert (survey.usefulness, survey.answered_by) == (5, worker_of_gent)


def test_a_score_outside_1_to_5_is_refused(registry):
    survey = SurveyFactory()
    with pytest.raises(SurveyError):
        services.answer_survey(survey, {**ANSWER, "clarity": 0})
    survey.refresh_from_db()
    assert not survey.is_answered


def test_the_mail_link_works_without_login_and_only_once(client, registry):
    survey = SurveyFactory()
    url = reverse("knowledge:survey_link", args=[survey.token])
    page = client.get(url).content.decode()
    assert survey.report.dossier.reference in page
    assert survey.report.dossier.entrepreneur.last_name not in page
    client.post(url, ANSWER)
    survey.refresh_from_db()
    assert survey.timeliness == 3 and survey.answered_by is None
    client.post(url, {**ANSWER, "timeliness": 1})
    survey.refresh_from_db()
    assert survey.timeliness == 3


def test_an_unknown_token_is_not_found(client, registry):
    assert client.get(reverse("knowledge:survey_link", args=["nope"])).status_code == 404


def test_the_worker_answers_in_the_portal(client, worker_of_gent):
    survey = SurveyFactory()
    client.force_login(worker_of_gent)
    listed = client.get(reverse("knowledge:survey_list"))
    assert [item.pk for item in listed.context["page"].items] == [survey.pk]
    client.post(reverse("knowledge:survey_answer", args=[survey.pk]), ANSWER)
    survey.refresh_from_db()
    assert survey.answered_by == worker_of_gent


def test_another_municipality_s_survey_is_not_found(client, worker_of_aalst):
    survey = SurveyFactory()
    client.force_login(worker_of_aalst)
    response = client.get(reverse("knowledge:survey_answer", args=[survey.pk]))
    assert response.status_code == 404


@pytest.mark.parametrize("rows", [1, 20])
def test_the_survey_list_costs_a_fixed_number_of_queries(
    client, worker_of_gent, rows, django_assert_num_queries
):
    SurveyFactory.create_batch(rows)
    client.force_login(worker_of_gent)
    # Session, user, the user's municipalities, the page of surveys (report, dossier and
    # municipality joined), the role's permissions for the navigation; and the merger area
    # of the user's municipalities (codes, and the registry of today: municipalities,
    # mergers); and the one INSERT of the read's audit entry.
    with django_assert_num_queries(9):
        response = client.get(reverse("knowledge:survey_list"))
    assert len(response.context["page"].items) == rows
    entry = AuditEntry.objects.get(code="survey.listed")
    assert sorted(entry.data["ids"]) == sorted(item.pk for item in response.context["page"].items)
