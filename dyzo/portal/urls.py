from django.urls import path

from dyzo.portal import views

app_name = "portal"

urlpatterns = [
    path("", views.portal_home, name="home"),
    path("quote/<str:nis_code>/", views.quote, name="quote"),
    path("quote/<str:nis_code>/pdf/", views.quote_pdf, name="quote_pdf"),
    path("dossiers/", views.dossier_list, name="dossier_list"),
    path("requests/", views.request_list, name="request_list"),
    path("requests/new/", views.request_create, name="request_create"),
    path("requests/<int:pk>/", views.request_detail, name="request_detail"),
    path("requests/<int:pk>/take-up/", views.request_take_up, name="request_take_up"),
    path("requests/<int:pk>/answer/", views.request_answer, name="request_answer"),
    path("requests/<int:pk>/decline/", views.request_decline, name="request_decline"),
]
