from django.db import models
from django.db.models import Count, Q
from django.db.models.functions import ExtractYear
from django.utils import timezone

from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.knowledge.constants import GuideStatus, RegistrationStatus


class GuideQuerySet(models.QuerySet):
    def readable_by(self, user):
        """Writers (coordinators, experts) see drafts too; other readers (workers of any
        municipality, with or without an agreement) only published guides. Guides hold no
        personal data, so the permissions decide, not the row scopes of `visible_to`."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.has_perm("knowledge.change_guide"):
            return self
        if user.has_perm("knowledge.view_guide"):
            return self.published()
        return self.none()

    def published(self):
        return self.filter(status=GuideStatus.PUBLISHED)

    def search(self, text: str):
        """Guides matching every word of `text`, best match first (see search.py)."""
        from dyzo.knowledge.search import search_guides

        return search_guides(self, text)


class TriageQuerySet(VisibleQuerySet):
    """A worker sees the triages of their own municipalities; nobody else any (Dyzo's staff
    and analysts see the counts only; ROW_SCOPES)."""

    rows = "triage"

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def in_year(self, year: int):
        return self.filter(completed_on__year=year)

    def outcome_counts(self):
        """Rows of (municipality_id, year, outcome, count), one query."""
        return (
            self.annotate(year=ExtractYear("completed_on"))
            .values("municipality_id", "year", "outcome")
            .annotate(count=Count("id"))
            .order_by("municipality_id", "year", "outcome")
        )


class TrainingQuerySet(models.QuerySet):
    def with_counts(self):
        """Each training with `registered_count` and `waiting_count`, in the same query."""
        return self.annotate(
            registered_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.REGISTERED)
            ),
            waiting_count=Count(
                "registrations", filter=Q(registrations__status=RegistrationStatus.WAITING)
            ),
        )

    def upcoming(self):
        return self.filter(starts_at__gt=timezone.now())


class RegistrationQuerySet(VisibleQuerySet):
    """Coordinators see every registration; a worker their own; nobody else any
    (ROW_SCOPES)."""

    rows = "registration"

    def of_municipalities(self, user):
        # A worker's scope for registrations is narrower than their municipality: their own.
        return self.filter(worker=user)

    def active(self):
        return self.exclude(status=RegistrationStatus.CANCELLED)

    def attended(self):
        return self.filter(status=RegistrationStatus.REGISTERED, attended=True)


class SurveyQuerySet(VisibleQuerySet):
    """A worker answers the surveys of their own municipalities' reports; coordinators see
    them all; nobody else any (analysts get the figures only; ROW_SCOPES)."""

    rows = "survey"

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def waiting(self):
        return self.filter(answered_at__isnull=True)
