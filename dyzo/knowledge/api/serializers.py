from rest_framework import serializers

from dyzo.knowledge.models import Guide, Topic


class TopicSerializer(serializers.ModelSerializer):
    class Meta:
        model = Topic
        fields = ["slug", "name", "name_en"]


class GuideSerializer(serializers.ModelSerializer):
    """A guide's current version; `version_date` is when that version was saved."""

    topic = serializers.SlugRelatedField(slug_field="slug", queryset=Topic.objects.all())
    version_date = serializers.DateTimeField(source="updated_at", read_only=True)
    change_note = serializers.CharField(
        write_only=True, required=False, allow_blank=True, max_length=300
    )

    class Meta:
        model = Guide
        fields = [
            "id",
            "topic",
            "title",
            "summary",
            "body",
            "language",
            "status",
            "version",
            "version_date",
            "change_note",
        ]
        read_only_fields = ["version"]
