from django.urls import path

from dyzo.reports import views

app_name = "reports"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("<int:pk>/", views.report_detail, name="detail"),
    path("<int:pk>/submit/", views.report_submit, name="submit"),
    path("<int:pk>/approve/", views.report_approve, name="approve"),
    path("<int:pk>/deliver/", views.report_deliver, name="deliver"),
    path("<int:pk>/pdf/", views.report_pdf, name="pdf"),
    path("dossier/<int:dossier_pk>/write/", views.report_write, name="write"),
]
