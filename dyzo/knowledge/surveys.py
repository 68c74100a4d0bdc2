"""The satisfaction survey after a delivered written report: created with the delivery,
announced through the notifications in the same transaction, answered once (docs/knowledge.md)."""

import secrets

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.knowledge.constants import EvaluationScore
from dyzo.knowledge.errors import SurveyError
from dyzo.knowledge.models import Survey
from dyzo.notifications.services import notify

SCORES = ["usefulness", "clarity", "timeliness"]


def open_survey(report, *, actor) -> Survey:
    """Create the survey of a report being delivered (inside the delivery's transaction) and
    invite the referring party's workers through the notifications (`survey.invited`): in
    the app, and by mail in each one's language through the queue, in this transaction.
    The link is the tokenised one that needs no login. Idempotent: one survey per report."""
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
    notify("survey.invited", survey, actor=actor)
    return survey


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
