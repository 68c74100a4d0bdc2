from rest_framework import serializers

from dyzo.audit.models import AuditEntry


class AuditEntrySerializer(serializers.ModelSerializer):
    content_type = serializers.SerializerMethodField()

    class Meta:
        model = AuditEntry
        fields = [
            "id",
            "created_at",
            "code",
            "actor",
            "actor_username",
            "content_type",
            "object_id",
            "object_repr",
            "data",
            "ip_address",
            "user_agent",
            "path",
        ]

    def get_content_type(self, entry) -> str | None:
        if entry.content_type_id is None:
            return None
        return f"{entry.content_type.app_label}.{entry.content_type.model}"
