from django.urls import path

from dyzo.insights import views

app_name = "insights"

urlpatterns = [
    path(
        "municipalities/<str:nis_code>/forms/",
        views.municipality_forms,
        name="municipality_forms",
    ),
    path("cooperation/", views.cooperation_report_pick, name="cooperation_report_pick"),
    path("cooperation/<int:year>/", views.cooperation_report, name="cooperation_report"),
    path(
        "cooperation/<int:year>/comparison/",
        views.cooperation_comparison,
        name="cooperation_comparison",
    ),
    path(
        "cooperation/<int:year>/download.<str:fmt>",
        views.cooperation_download,
        name="cooperation_download",
    ),
]
