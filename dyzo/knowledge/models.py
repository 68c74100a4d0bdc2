"""Guides for first-line advice: topics, guides with their version history, attachments,
and the reads that feed the first-line capability figures (docs/knowledge.md)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from dyzo.knowledge.constants import (
    EvaluationScore,
    GuideLanguage,
    GuideStatus,
    RegistrationStatus,
    TriageOutcome,
)
from dyzo.knowledge.query import (
    GuideQuerySet,
    RegistrationQuerySet,
    SurveyQuerySet,
    TrainingQuerySet,
    TriageQuerySet,
)
from dyzo.localgov.constants import PartyKind
from dyzo.utils.validators import COUNTER_VALIDATORS, DateWindow

USER = settings.AUTH_USER_MODEL


class Topic(models.Model):
    slug = models.SlugField(_("code"), max_length=50, unique=True)
    name = models.CharField(_("name (Dutch)"), max_length=100)
    name_en = models.CharField(_("name (English)"), max_length=100, blank=True)
    position = models.PositiveSmallIntegerField(_("position"), default=0)

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        ordering = ["position", "name"]

    def __str__(self):
        return self.display_name

    @property
    def display_name(self) -> str:
        if self.name_en and (get_language() or "nl").startswith("en"):
            return self.name_en
        return self.name


class Guide(models.Model):
    """The current text of a guide; every saved change is also a GuideVersion row."""

    topic = models.ForeignKey(
        Topic, on_delete=models.PROTECT, related_name="guides", verbose_name=_("topic")
    )
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    language = models.CharField(
        _("language"), max_length=2, choices=GuideLanguage.choices, default=GuideLanguage.DUTCH
    )
    status = models.CharField(
        _("status"),
        max_length=10,
        choices=GuideStatus.choices,
        default=GuideStatus.DRAFT,
        db_index=True,
    )
    version = models.PositiveIntegerField(_("version"), default=1, validators=COUNTER_VALIDATORS)
    updated_at = models.DateTimeField(_("version date"))
    updated_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("changed by")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = GuideQuerySet.as_manager()

    class Meta:
        verbose_name = _("guide")
        verbose_name_plural = _("guides")
        ordering = ["topic__position", "title", "id"]

    def __str__(self):
        return self.title

    @property
    def audit_repr(self) -> str:
        return f"guide #{self.pk}"

    @property
    def is_published(self) -> bool:
        return self.status == GuideStatus.PUBLISHED


class GuideVersion(models.Model):
    """One saved state of a guide: who changed what, when."""

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="versions", verbose_name=_("guide")
    )
    number = models.PositiveIntegerField(_("version"))
    title = models.CharField(_("title"), max_length=200)
    summary = models.CharField(_("summary"), max_length=300, blank=True)
    body = models.TextField(_("text"))
    status = models.CharField(_("status"), max_length=10, choices=GuideStatus.choices)
    change_note = models.CharField(_("what changed"), max_length=300, blank=True)
    changed_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("changed by")
    )
    changed_at = models.DateTimeField(_("changed at"))

    class Meta:
        verbose_name = _("guide version")
        verbose_name_plural = _("guide versions")
        ordering = ["guide", "-number"]
        constraints = [
            models.UniqueConstraint(fields=["guide", "number"], name="knowledge_version_unique")
        ]

    def __str__(self):
        return f"{self.guide_id} v{self.number}"


def attachment_path(attachment, filename: str) -> str:
    # The stored name never reuses the uploaded one.
    return f"knowledge/{attachment.guide_id}/{attachment.token}"


class GuideAttachment(models.Model):
    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="attachments", verbose_name=_("guide")
    )
    file = models.FileField(_("file"), upload_to=attachment_path, max_length=200)
    token = models.CharField(_("storage name"), max_length=40, editable=False)
    original_name = models.CharField(_("file name"), max_length=200)
    content_type = models.CharField(_("content type"), max_length=100)
    size = models.PositiveIntegerField(_("size (bytes)"))
    uploaded_by = models.ForeignKey(
        USER, on_delete=models.PROTECT, related_name="+", verbose_name=_("uploaded by")
    )
    uploaded_at = models.DateTimeField(_("uploaded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")
        ordering = ["guide", "original_name", "id"]

    def __str__(self):
        return self.original_name


class GuideRead(models.Model):
    """A municipal worker read a guide on a day (once per guide, worker and day): counted per
    municipality and year in the first-line capability figures, never shown per person."""

    guide = models.ForeignKey(
        Guide, on_delete=models.CASCADE, related_name="reads", verbose_name=_("guide")
    )
    reader = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("reader")
    )
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    read_on = models.DateField(_("read on"), editable=False)  # the day of the read

    class Meta:
        verbose_name = _("guide read")
        verbose_name_plural = _("guide reads")
        constraints = [
            models.UniqueConstraint(
                fields=["guide", "reader", "municipality", "read_on"],
                name="knowledge_read_once_a_day",
            )
        ]

    def __str__(self):
        return f"{self.guide_id} {self.read_on}"


class Triage(models.Model):
    """One walk through the triage checklist. Holds answers only: nothing about the
    entrepreneur, unless the worker continues to a help request (then linked)."""

    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    party = models.CharField(_("on behalf of"), max_length=10, choices=PartyKind.choices)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("topic"),
    )
    answers = models.JSONField(_("answers"), default=dict)
    outcome = models.CharField(_("outcome"), max_length=10, choices=TriageOutcome.choices)
    completed_by = models.ForeignKey(
        USER, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("worker")
    )
    # The day the triage was recorded.
    completed_on = models.DateField(_("completed on"), db_index=True, editable=False)
    help_request = models.OneToOneField(
        "portal.HelpRequest",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="triage",
        verbose_name=_("help request"),
    )

    objects = TriageQuerySet.as_manager()

    class Meta:
        verbose_name = _("triage")
        verbose_name_plural = _("triages")
        ordering = ["-id"]

    def __str__(self):
        return f"{self.get_outcome_display()} {self.completed_on}"

    @property
    def audit_repr(self) -> str:
        return f"triage #{self.pk}"


class Training(models.Model):
    """A session Dyzo gives (optionally with the VVSG) for municipal and OCMW staff."""

    title = models.CharField(_("title"), max_length=200)
    topic = models.ForeignKey(
        Topic,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="trainings",
        verbose_name=_("topic"),
    )
    description = models.TextField(_("description"), blank=True)
    starts_at = models.DateTimeField(
        _("starts at"), db_index=True, validators=[DateWindow("training")]
    )
    ends_at = models.DateTimeField(_("ends at"), validators=[DateWindow("training")])
    place = models.CharField(_("place"), max_length=200, blank=True)
    online = models.BooleanField(_("online"), default=False)
    capacity = models.PositiveIntegerField(_("capacity"), validators=COUNTER_VALIDATORS)
    trainers = models.CharField(_("trainers"), max_length=300)
    with_vvsg = models.BooleanField(_("with the VVSG as partner"), default=False)
    contacts = models.ManyToManyField(
        "outreach.Contact", blank=True, related_name="+", verbose_name=_("outreach contacts")
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    objects = TrainingQuerySet.as_manager()

    class Meta:
        verbose_name = _("training")
        verbose_name_plural = _("trainings")
        ordering = ["-starts_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(ends_at__gt=models.F("starts_at")),
                name="knowledge_training_ends_after_start",
                violation_error_message=_("A training must end after it starts."),
            )
        ]

    def __str__(self):
        return self.title

    @property
    def audit_repr(self) -> str:
        return f"training #{self.pk}"

    @property
    def is_past(self) -> bool:
        return self.starts_at <= timezone.now()


class Registration(models.Model):
    """A worker's place in a training, on the waiting list, or cancelled; one per worker."""

    training = models.ForeignKey(
        Training, on_delete=models.CASCADE, related_name="registrations", verbose_name=_("training")
    )
    worker = models.ForeignKey(
        USER, on_delete=models.CASCADE, related_name="+", verbose_name=_("worker")
    )
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    party = models.CharField(_("on behalf of"), max_length=10, choices=PartyKind.choices)
    status = models.CharField(_("status"), max_length=12, choices=RegistrationStatus.choices)
    attended = models.BooleanField(_("attended"), null=True, blank=True)
    registered_at = models.DateTimeField(_("registered at"), auto_now_add=True)

    objects = RegistrationQuerySet.as_manager()

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["training", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["training", "worker"], name="knowledge_one_registration_per_worker"
            )
        ]

    def __str__(self):
        return f"{self.training_id} {self.get_status_display()}"

    @property
    def audit_repr(self) -> str:
        return f"training registration #{self.pk}"


class Evaluation(models.Model):
    """An attendee's short evaluation of a training: three scores (1-5) and a comment."""

    registration = models.OneToOneField(
        Registration,
        on_delete=models.CASCADE,
        related_name="evaluation",
        verbose_name=_("registration"),
    )
    content = models.PositiveSmallIntegerField(_("content"), choices=EvaluationScore.choices)
    trainers = models.PositiveSmallIntegerField(_("trainers"), choices=EvaluationScore.choices)
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness for my work"), choices=EvaluationScore.choices
    )
    comment = models.TextField(_("comment"), blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("evaluation")
        verbose_name_plural = _("evaluations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(content__range=(1, 5))
                & models.Q(trainers__range=(1, 5))
                & models.Q(usefulness__range=(1, 5)),
                name="knowledge_evaluation_scores_1_to_5",
                violation_error_message=_("Give every score from 1 to 5."),
            )
        ]

    def __str__(self):
        return f"{self.registration_id}"


class Survey(models.Model):
    """The satisfaction survey of one delivered written report, for the referring party:
    answered once, in the portal or through the link in the invitation e-mail."""

    report = models.OneToOneField(
        "reports.WrittenReport",
        on_delete=models.CASCADE,
        related_name="survey",
        verbose_name=_("written report"),
    )
    municipality = models.ForeignKey(
        "localgov.Municipality",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("municipality"),
    )
    token = models.CharField(_("link token"), max_length=64, unique=True, editable=False)
    invited_at = models.DateTimeField(_("invited at"))
    invitation_sent_to = models.EmailField(_("invitation sent to"), blank=True)
    answered_at = models.DateTimeField(_("answered at"), null=True, blank=True)
    answered_by = models.ForeignKey(
        USER,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("answered by"),
    )
    usefulness = models.PositiveSmallIntegerField(
        _("usefulness"), choices=EvaluationScore.choices, null=True, blank=True
    )
    clarity = models.PositiveSmallIntegerField(
        _("clarity"), choices=EvaluationScore.choices, null=True, blank=True
    )
    timeliness = models.PositiveSmallIntegerField(
        _("timeliness"), choices=EvaluationScore.choices, null=True, blank=True
    )
    comment = models.TextField(_("comment"), blank=True)

    objects = SurveyQuerySet.as_manager()

    class Meta:
        verbose_name = _("satisfaction survey")
        verbose_name_plural = _("satisfaction surveys")
        ordering = ["-id"]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(answered_at__isnull=True)
                | (
                    models.Q(usefulness__range=(1, 5))
                    & models.Q(clarity__range=(1, 5))
                    & models.Q(timeliness__range=(1, 5))
                ),
                name="knowledge_survey_answer_complete",
                violation_error_message=_("An answered survey needs every score from 1 to 5."),
            )
        ]

    def __str__(self):
        return f"{self.report_id}"

    @property
    def audit_repr(self) -> str:
        return f"survey #{self.pk}"

    @property
    def is_answered(self) -> bool:
        return self.answered_at is not None
