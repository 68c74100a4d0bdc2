from django.urls import path

from dyzo.outreach import views

app_name = "outreach"

urlpatterns = [
    path("contacts/", views.contact_list, name="contact_list"),
    path("contacts/new/", views.contact_create, name="contact_create"),
    path("contacts/<int:pk>/edit/", views.contact_edit, name="contact_edit"),
    path("contacts/<int:pk>/follow-up-done/", views.follow_up_done, name="follow_up_done"),
    path("follow-ups/", views.follow_ups_due, name="follow_ups"),
    path("reasons/<str:nis_code>/", views.decline_reasons, name="decline_reasons"),
    path("reasons/delete/<int:pk>/", views.decline_reason_delete, name="decline_reason_delete"),
]
