"""The notification events of knowledge transfer: the survey invitation after a delivered
report and the changes of a worker's training registration (docs/notifications.md).
Loaded by KnowledgeConfig.ready(); the services call `notify` in their transaction."""

from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.models import User
from dyzo.notifications.events import referring_party_workers
from dyzo.notifications.registry import Event, register


def _worker(registration):
    return User.objects.filter(pk=registration.worker_id)


def _training_params(registration) -> dict:
    training = registration.training
    return {
        "title": training.title,
        "date": timezone.localtime(training.starts_at).date().isoformat(),
    }


def _training_url(registration) -> str:
    return reverse("knowledge:training_detail", args=[registration.training_id])


register(
    Event(
        code="survey.invited",
        message=_(
            "How useful was Dyzo's report on dossier %(reference)s? Three short questions and "
            "a comment help us improve."
        ),
        recipients=lambda survey: referring_party_workers(survey.report.dossier),
        params=lambda survey: {"reference": survey.report.dossier.reference},
        # The tokenised link needs no login: the mail's link answers the survey directly.
        url=lambda survey: reverse("knowledge:survey_link", args=[survey.token]),
    )
)
register(
    Event(
        code="training.registered",
        message=_("Your place in the training %(title)s on %(date)s is confirmed."),
        recipients=_worker,
        params=_training_params,
        url=_training_url,
    )
)
register(
    Event(
        code="training.waiting",
        message=_("The training %(title)s on %(date)s is full: you are on the waiting list."),
        recipients=_worker,
        params=_training_params,
        url=_training_url,
    )
)
register(
    Event(
        code="training.promoted",
        message=_(
            "A place became free: you moved from the waiting list to registered for the "
            "training %(title)s on %(date)s."
        ),
        recipients=_worker,
        params=_training_params,
        url=_training_url,
    )
)
register(
    Event(
        code="training.changed",
        message=_("The training %(title)s you registered for changed: it is now on %(date)s."),
        recipients=_worker,
        params=_training_params,
        url=_training_url,
    )
)
