from django.urls import path

from dyzo.knowledge import views

app_name = "knowledge"

urlpatterns = [
    path("guides/", views.guide_list, name="guide_list"),
    path("guides/new/", views.guide_create, name="guide_create"),
    path("guides/<int:pk>/", views.guide_detail, name="guide_detail"),
    path("guides/<int:pk>/edit/", views.guide_edit, name="guide_edit"),
    path("guides/<int:pk>/history/", views.guide_history, name="guide_history"),
    path("guides/<int:pk>/attachments/", views.attachment_upload, name="attachment_upload"),
    path(
        "guides/<int:pk>/attachments/<int:attachment_pk>/",
        views.attachment_download,
        name="attachment_download",
    ),
]
