import datetime

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, extend_schema
from rest_framework import viewsets

from dyzo.api.params import year_param
from dyzo.audit.reads import NO_PERSONAL_DATA
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
    read_audit = NO_PERSONAL_DATA
    serializer_class = MunicipalitySerializer
    lookup_field = "nis_code"
    ordering = "nis_code"

    def get_queryset(self):
        year = year_param(self.request, default=datetime.date.today().year)
        queryset = Municipality.objects.select_related("province").with_population(year)
        if "year" in self.request.query_params:
            queryset = queryset.of_year(year)
        if province := self.request.query_params.get("province"):
            queryset = queryset.filter(province__name=province)
        return queryset
