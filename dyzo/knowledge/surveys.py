"""The satisfaction survey after a delivered written report: created with the delivery,
announced by e-mail after commit, answered once (docs/knowledge.md)."""

import secrets

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.knowledge.constants import EvaluationScore
from dyzo.knowledge.errors import SurveyError
from dyzo.knowledge.models import Survey

SCORES = ["usefulness", "clarity", "timeliness"]


def open_survey(report, *, actor) -> Survey:
    """Create the survey of a report being delivered (inside the delivery's transaction);
    the invitation e-mail goes out after commit. Idempotent: one survey per report."""
    existing = Survey.objects.filter(report=report).first()
    if existing:
        return existing
    worker = report.dossier.referring_worker
    survey = Survey.objects.create(
        report=report,
        municipality_id=report.dossier.municipality_id,
        token=secrets.token_urlsafe(32),
        invited_at=timezone.now(),
        invitation_sent_to=(worker.email if worker and worker.is_active else "") or "",
    )
    audit.log(survey, "survey.opened", actor=actor, data={"report": report.pk})
    if survey.invitation_sent_to:
        transaction.on_commit(lambda: send_survey_invitation(survey), robust=True)
    return survey


def send_survey_invitation(survey: Survey) -> int:
    """The one place that e-mails the survey link (through Django's mail API, in Dutch).
    The notifications work may replace the transport; the link and text stay here."""
    link = settings.DYZO_BASE_URL.rstrip("/") + reverse(
        "knowledge:survey_link", args=[survey.token]
    )
    with translation.override("nl"):
        subject = _("How useful was Dyzo's report?")
        body = _(
            "Dyzo delivered the written report of dossier %(reference)s. Three short "
            "questions and a comment help us improve: %(link)s"
        ) % {"reference": survey.report.dossier.reference, "link": link}
    return send_mail(subject, body, None, [survey.invitation_sent_to])


@transaction.atomic
def answer_survey(survey: Survey, data: dict, *, actor=None) -> Survey:
    """Record the one answer of a survey; a second answer is refused."""
    survey = Survey.objects.select_for_update().get(pk=survey.pk)
    if survey.is_answered:
        raise SurveyError(_("This survey has already been answered."))
    scores = {name: data.get(name) for name in SCORES}
    if not all(score in EvaluationScore.values for score in scores.values()):
        raise SurveyError(_("Give every score from 1 to 5."))
    for name, score in scores.items():
        setattr(survey, name, score)
    survey.comment = (data.get("comment") or "").strip()
    survey.answered_at = timezone.now()
    survey.answered_by = actor if actor is not None and actor.is_authenticated else None
    survey.save(update_fields=[*SCORES, "comment", "answered_at", "answered_by"])
    audit.log(survey, "survey.answered", actor=survey.answered_by)
    return survey
