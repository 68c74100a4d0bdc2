import datetime
import io

from django.core.management import call_command

from dyzo.knowledge.constants import GuideStatus, TriageOutcome
from dyzo.knowledge.impact import impact_report
from dyzo.knowledge.models import Evaluation, Guide, Survey, Training, Triage
from dyzo.localgov.models import Municipality


def test_demo_writes_guides_on_every_topic_and_a_draft(registry):
    call_command("load_demo", stdout=io.StringIO())
    published = Guide.objects.published()
    assert published.values("topic").distinct().count() == 6
    assert Guide.objects.filter(status=GuideStatus.DRAFT).exists()
    count = Guide.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    assert Guide.objects.count() == count


def test_demo_has_triages_with_every_outcome(registry):
    call_command("load_demo", stdout=io.StringIO())
    outcomes = set(Triage.objects.values_list("outcome", flat=True))
    assert outcomes == set(TriageOutcome.values)


def test_demo_has_a_past_and_an_upcoming_training(registry):
    call_command("load_demo", stdout=io.StringIO())
    past, upcoming = Training.objects.order_by("starts_at")
    assert past.is_past and not upcoming.is_past
    assert past.registrations.attended().count() == 7
    assert Evaluation.objects.filter(registration__training=past).count() == 7
    assert upcoming.registrations.active().exists()


def test_demo_reports_have_surveys_answered_and_one_waiting(registry):
    call_command("load_demo", stdout=io.StringIO())
    assert Survey.objects.filter(answered_at__isnull=False).exists()
    assert Survey.objects.waiting().count() == 1


def test_the_demo_impact_report_of_gent_is_full(registry):
    call_command("load_demo", stdout=io.StringIO())
    report = impact_report(Municipality.objects.get(nis_code="44021"), datetime.date.today().year)
    own = {row["key"]: row["municipality"] for row in report["rows"]}
    for key in ("help_requests", "advice", "dossiers", "reports_delivered", "trained_staff"):
        assert isinstance(own[key], int) and own[key] >= 5, key
    assert own["days_to_report_median"] is not None and own["satisfaction_clarity"] is not None
    assert all(isinstance(own[f"triage_{outcome}"], int) for outcome in TriageOutcome.values)
