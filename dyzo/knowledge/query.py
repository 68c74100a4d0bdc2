from django.db import models

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
