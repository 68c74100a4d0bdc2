from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from dyzo.dossiers.models import Dossier
from dyzo.reports.models import ReportVersion, WrittenReport


class ReportVersionSerializer(serializers.ModelSerializer):
    sections = serializers.SerializerMethodField()

    class Meta:
        model = ReportVersion
        fields = ["id", "number", "sections", "author", "created_at"]

    @extend_schema_field(serializers.DictField(child=serializers.CharField()))
    def get_sections(self, version) -> dict:
        return version.sections


class WrittenReportSerializer(serializers.ModelSerializer):
    dossier_reference = serializers.CharField(source="dossier.reference", read_only=True)
    approved_version = ReportVersionSerializer(read_only=True)
    has_pdf = serializers.SerializerMethodField()

    class Meta:
        model = WrittenReport
        fields = [
            "id",
            "dossier",
            "dossier_reference",
            "status",
            "approved_version",
            "approved_by",
            "approved_at",
            "delivered_at",
            "has_pdf",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields

    @extend_schema_field(serializers.BooleanField())
    def get_has_pdf(self, report) -> bool:
        return bool(report.pdf)


class DraftSerializer(serializers.Serializer):
    dossier = serializers.PrimaryKeyRelatedField(queryset=Dossier.objects.none())
    sections = serializers.DictField(
        child=serializers.CharField(allow_blank=True),
        help_text="Section key -> text; the keys depend on the dossier's type.",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        request = self.context.get("request")
        if request is not None:
            self.fields["dossier"].queryset = Dossier.objects.visible_to(request.user)
