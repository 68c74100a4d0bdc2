import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import serializers, viewsets

from django.utils.translation import gettext as _

from dyzo.localgov.api.serializers import MunicipalitySerializer
from dyzo.localgov.models import Municipality


@extend_schema(
    parameters=[
        OpenApiParameter("year", OpenApiTypes.INT, description="Municipalities of 1 January"),
        OpenApiParameter("province", OpenApiTypes.STR, description="Province name"),
    ]
)
class MunicipalityViewSet(viewsets.ReadOnlyModelViewSet):
    permission = "localgov.view_municipality"
    serializer_class = MunicipalitySerializer
    lookup_field = "nis_code"
    ordering = "nis_code"

    def get_queryset(self):
        year = self._year()
        queryset = Municipality.objects.select_related("province").with_population(year)
        if "year" in self.request.query_params:
            queryset = queryset.of_year(year)
        if province := self.request.query_params.get("province"):
            queryset = queryset.filter(province__name=province)
        return queryset

    def _year(self) -> int:
        raw = self.request.query_params.get("year", str(datetime.date.today().year))
        if not raw.isdigit() or not 1900 <= int(raw) <= 2100:
            raise serializers.ValidationError({"year": [_("Enter a year between 1900 and 2100.")]})
        return int(raw)
