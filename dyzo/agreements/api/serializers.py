from rest_framework import serializers

from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule
from dyzo.localgov.models import Municipality
from dyzo.utils.validators import DateWindow, YearWindow

AGREEMENT_TERMS = [
    "party",
    "form",
    "starts_on",
    "ends_on",
    "annual_fee",
    "fee_enterprise_scan",
    "fee_social_pre_investigation",
    "notes",
]


class AgreementSerializer(serializers.ModelSerializer):
    municipality = serializers.SlugRelatedField(
        slug_field="nis_code", queryset=Municipality.objects.all()
    )
    municipality_name = serializers.CharField(source="municipality.name", read_only=True)
    province = serializers.CharField(source="municipality.province.name", read_only=True)
    has_document = serializers.SerializerMethodField()

    class Meta:
        model = Agreement
        fields = [
            "id",
            "municipality",
            "municipality_name",
            "province",
            *AGREEMENT_TERMS,
            "status",
            "signed_on",
            "has_document",
            "imported_for_year",
            "created_at",
            "updated_at",
        ]
        read_only_fields = ["status", "signed_on", "imported_for_year"]

    def get_has_document(self, agreement) -> bool:
        return bool(agreement.document)


class AgreementUpdateSerializer(serializers.ModelSerializer):
    """The terms that may change (all of them while draft or proposed; notes once signed)."""

    class Meta:
        model = Agreement
        fields = AGREEMENT_TERMS
        extra_kwargs = {field: {"required": False} for field in AGREEMENT_TERMS}


class SignSerializer(serializers.Serializer):
    signed_on = serializers.DateField(validators=[DateWindow("happened")])
    document = serializers.FileField(required=False)
    without_document = serializers.BooleanField(default=False)


class TerminateSerializer(serializers.Serializer):
    ends_on = serializers.DateField(validators=[DateWindow("agreement")])


class DocumentSerializer(serializers.Serializer):
    document = serializers.FileField()


class TariffBracketSerializer(serializers.ModelSerializer):
    class Meta:
        model = TariffBracket
        fields = ["population_from", "population_to", "annual_price"]


class TariffScheduleSerializer(serializers.ModelSerializer):
    brackets = TariffBracketSerializer(many=True)

    class Meta:
        model = TariffSchedule
        fields = ["year", "price_enterprise_scan", "price_social_pre_investigation", "brackets"]
        # The service checks that the year is free; a unique validator here would run a
        # query of its own and answer in another shape. The year's window stays.
        extra_kwargs = {"year": {"validators": [YearWindow()]}}
