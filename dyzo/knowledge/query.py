from django.db import models
from django.db.models import Count
from django.db.models.functions import ExtractYear

from dyzo.knowledge.constants import GuideStatus


class GuideQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Writers (coordinators, experts) see drafts too; other readers (workers of any
        municipality, with or without an agreement) only published guides."""
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


class TriageQuerySet(models.QuerySet):
    def visible_to(self, user):
        """A worker sees the triages of their own municipalities; nobody else any (Dyzo's
        staff and analysts see the counts only)."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.is_municipal_worker:
            return self.filter(municipality_id__in=user.municipality_ids())
        return self.none()

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
