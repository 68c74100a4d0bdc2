from django.urls import path

from dyzo.dossiers.views import advice, dashboard, dossiers, entrepreneurs, parts

app_name = "dossiers"

urlpatterns = [
    path("", dossiers.dossier_list, name="list"),
    path("new/", dossiers.dossier_create, name="create"),
    path("dashboard/", dashboard.dashboard_page, name="dashboard"),
    path("<int:pk>/", dossiers.dossier_detail, name="detail"),
    path("<int:pk>/edit/", dossiers.dossier_edit, name="edit"),
    path("<int:pk>/move/", dossiers.dossier_move, name="move"),
    path("<int:pk>/close/", dossiers.dossier_close, name="close"),
    path("<int:pk>/cancel/", dossiers.dossier_cancel, name="cancel"),
    path("<int:pk>/team/", parts.team_add, name="team_add"),
    path("<int:pk>/team/<int:member_pk>/remove/", parts.team_remove, name="team_remove"),
    path("<int:pk>/activities/", parts.activity_add, name="activity_add"),
    path("<int:pk>/documents/", parts.document_upload, name="document_upload"),
    path("<int:pk>/documents/<int:document_pk>/", parts.document_download, name="document"),
    path("entrepreneurs/", entrepreneurs.entrepreneur_list, name="entrepreneur_list"),
    path("entrepreneurs/new/", entrepreneurs.entrepreneur_create, name="entrepreneur_create"),
    path("entrepreneurs/<int:pk>/", entrepreneurs.entrepreneur_detail, name="entrepreneur_detail"),
    path("entrepreneurs/<int:pk>/edit/", entrepreneurs.entrepreneur_edit, name="entrepreneur_edit"),
    path("advice/", advice.advice_list, name="advice_list"),
    path("advice/new/", advice.advice_create, name="advice_create"),
    path("advice/<int:pk>/", advice.advice_detail, name="advice_detail"),
    path("advice/<int:pk>/edit/", advice.advice_edit, name="advice_edit"),
]
