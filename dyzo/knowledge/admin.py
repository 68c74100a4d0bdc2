from django.contrib import admin

from dyzo.knowledge.models import Guide, GuideVersion, Topic
from dyzo.utils.admin import ReadOnlyAdmin


@admin.register(Topic)
class TopicAdmin(ReadOnlyAdmin):
    """Read-only: the topics are reference data kept by migration 0003_topics (their slugs
    are the API's topic codes)."""

    list_display = ["name", "slug", "position"]


@admin.register(Guide)
class GuideAdmin(ReadOnlyAdmin):
    """Read-only: guides change through the service, which keeps the version history."""

    list_display = ["title", "topic", "status", "version", "updated_at"]
    list_filter = ["status", "topic"]


@admin.register(GuideVersion)
class GuideVersionAdmin(ReadOnlyAdmin):
    list_display = ["guide", "number", "changed_by", "changed_at"]
    list_filter = ["status"]
