from django.urls import path

from dyzo.privacy import views

app_name = "privacy"

urlpatterns = [
    path("entrepreneurs/<int:pk>/", views.entrepreneur_privacy, name="entrepreneur_privacy"),
    path("entrepreneurs/<int:pk>/export/", views.entrepreneur_export, name="entrepreneur_export"),
    path("entrepreneurs/<int:pk>/erase/", views.entrepreneur_erase, name="entrepreneur_erase"),
]
