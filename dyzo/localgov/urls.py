from django.urls import path

from dyzo.localgov import views

app_name = "localgov"

urlpatterns = [
    path("", views.municipality_list, name="municipality_list"),
    path("choices/", views.municipality_choices, name="municipality_choices"),
    path("<str:nis_code>/", views.municipality_detail, name="municipality_detail"),
]
