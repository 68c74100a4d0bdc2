from django.contrib.auth.models import AbstractUser
from django.db import models
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Expertise, Role
from dyzo.accounts.query import UserManager


class User(AbstractUser):
    """A person who logs in. What they may do follows from their role (a group of permissions);
    what they may see also from the gemeente/OCMW parties they work for."""

    role = models.CharField(_("role"), max_length=20, choices=Role.choices, db_index=True)
    expertise = models.CharField(
        _("expertise"),
        max_length=20,
        choices=Expertise.choices,
        blank=True,
        help_text=_("For experts: the field they bring to the multidisciplinary team."),
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    parties = models.ManyToManyField(
        "localgov.Party",
        blank=True,
        related_name="workers",
        verbose_name=_("works for"),
        help_text=_("For municipal workers: the gemeente and/or OCMW they work for."),
    )

    objects = UserManager()

    class Meta:
        verbose_name = _("user")
        verbose_name_plural = _("users")
        ordering = ["last_name", "first_name", "username"]

    def __str__(self):
        return self.get_full_name() or self.username

    @property
    def is_coordinator(self) -> bool:
        return self.role == Role.COORDINATOR

    @property
    def is_municipal_worker(self) -> bool:
        return self.role == Role.MUNICIPAL_WORKER

    def municipality_ids(self) -> set[int]:
        """The municipalities whose gemeente or OCMW this user works for (cached per object)."""
        if not hasattr(self, "_municipality_ids"):
            self._municipality_ids = set(self.parties.values_list("municipality_id", flat=True))
        return self._municipality_ids

    def area_ids(self) -> set[int]:
        """The user's municipalities and every municipality that merged into them: a
        successor's workers see what was recorded for its predecessors
        (docs/decisions/0005-coverage-and-mergers.md). Cached per object."""
        if not hasattr(self, "_area_ids"):
            import datetime

            from dyzo.localgov.registry import area_ids

            self._area_ids = area_ids(self.municipality_ids(), datetime.date.today())
        return self._area_ids
