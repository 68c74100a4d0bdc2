from django.db import models
from django.utils.translation import gettext_lazy as _


class ContactKind(models.TextChoices):
    MEETING = "meeting", _("meeting")
    CALL = "call", _("call")
    MAIL = "mail", _("mail")
    PROPOSAL_SENT = "proposal_sent", _("proposal sent")
    TRAINING_GIVEN = "training_given", _("training given")


class DeclineReasonCode(models.TextChoices):
    """Why a municipality does not cooperate with Dyzo in a year."""

    COST_TOO_HIGH = "cost_too_high", _("cost too high")
    NO_NEED_PERCEIVED = "no_need_perceived", _("no need perceived")
    HELPS_TARGET_GROUP_ITSELF = "helps_target_group_itself", _("helps the target group itself")
    OTHER = "other", _("other")
