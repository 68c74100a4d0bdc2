from rest_framework import serializers

from dyzo.localgov.models import Municipality


class MunicipalitySerializer(serializers.ModelSerializer):
    province = serializers.CharField(source="province.name")
    population = serializers.IntegerField(
        allow_null=True,
        read_only=True,
        help_text="The latest figure counted on 1 January of the year asked for or earlier.",
    )
    population_year = serializers.IntegerField(
        allow_null=True, read_only=True, help_text="The year `population` was counted."
    )

    class Meta:
        model = Municipality
        fields = [
            "nis_code",
            "name",
            "province",
            "valid_from",
            "valid_to",
            "population",
            "population_year",
        ]
