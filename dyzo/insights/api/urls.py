from django.urls import path

from dyzo.insights.api.views import CooperationReportView

urlpatterns = [
    path(
        "cooperation-reports/<int:year>/",
        CooperationReportView.as_view(),
        name="cooperation-report",
    ),
]
