"""The documented shape of the cooperation report (docs/cooperation-report.md)."""

from rest_framework import serializers

from dyzo.insights.constants import Category, DataSource
from dyzo.utils.validators import DateWindow


class PartyCountsSerializer(serializers.Serializer):
    gemeente = serializers.IntegerField()
    ocmw = serializers.IntegerField()
    both = serializers.IntegerField()


class TotalSerializer(serializers.Serializer):
    annual_agreement = serializers.IntegerField()
    pay_per_case = serializers.IntegerField()
    remote_only = serializers.IntegerField()
    none = serializers.IntegerField()
    cooperating = serializers.IntegerField(help_text="The sum of the first three categories.")
    municipalities = serializers.IntegerField()
    agreement_party = PartyCountsSerializer(help_text="Parties of the annual agreements.")


class ProvinceSerializer(TotalSerializer):
    province = serializers.CharField()


class ReasonCountSerializer(serializers.Serializer):
    reason = serializers.CharField()
    count = serializers.IntegerField()


class MunicipalityFormSerializer(serializers.Serializer):
    nis_code = serializers.CharField()
    name = serializers.CharField()
    province = serializers.CharField()
    category = serializers.ChoiceField(choices=Category.choices)
    # A plain string: the agreements API already names the party choice set.
    agreement_party = serializers.CharField(
        allow_null=True, help_text="gemeente, ocmw or both for annual agreements, else null."
    )


class YearDataSerializer(serializers.Serializer):
    available = serializers.BooleanField(
        help_text="False when nothing was imported or kept in the app for the year: every "
        "municipality then shows 'none' for lack of records, not because it did not cooperate."
    )
    source = serializers.ChoiceField(
        choices=DataSource.choices, allow_null=True, help_text="Where the year's data comes from."
    )
    kept_since = serializers.DateField(
        allow_null=True,
        validators=[DateWindow("happened")],
        help_text="Set when the app began keeping records during the year: the year is partial.",
    )


class CooperationReportSerializer(serializers.Serializer):
    year = serializers.IntegerField()
    data = YearDataSerializer(help_text="Whether cooperation data exists for the year.")
    provinces = ProvinceSerializer(many=True)
    total = TotalSerializer()
    non_cooperation_reasons = ReasonCountSerializer(many=True)
    municipalities = MunicipalityFormSerializer(many=True)
