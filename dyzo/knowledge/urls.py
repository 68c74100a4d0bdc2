from django.urls import path

from dyzo.knowledge.views import figures, guides, surveys, trainings, triage

app_name = "knowledge"

urlpatterns = [
    path("guides/", guides.guide_list, name="guide_list"),
    path("guides/new/", guides.guide_create, name="guide_create"),
    path("guides/<int:pk>/", guides.guide_detail, name="guide_detail"),
    path("guides/<int:pk>/edit/", guides.guide_edit, name="guide_edit"),
    path("guides/<int:pk>/history/", guides.guide_history, name="guide_history"),
    path("guides/<int:pk>/attachments/", guides.attachment_upload, name="attachment_upload"),
    path("triage/", triage.triage_start, name="triage"),
    path("triage/<int:pk>/", triage.triage_result, name="triage_result"),
    path("triage/<int:pk>/request/", triage.triage_request, name="triage_request"),
    path("trainings/", trainings.training_list, name="training_list"),
    path("trainings/new/", trainings.training_create, name="training_create"),
    path("trainings/<int:pk>/", trainings.training_detail, name="training_detail"),
    path("trainings/<int:pk>/edit/", trainings.training_edit, name="training_edit"),
    path("trainings/<int:pk>/register/", trainings.training_register, name="training_register"),
    path(
        "trainings/<int:pk>/attendance/",
        trainings.training_attendance,
        name="training_attendance",
    ),
    path(
        "registrations/<int:pk>/cancel/",
        trainings.registration_cancel,
        name="registration_cancel",
    ),
    path(
        "registrations/<int:pk>/evaluate/",
        trainings.registration_evaluate,
        name="registration_evaluate",
    ),
    path(
        "registrations/<int:pk>/certificate/",
        trainings.registration_certificate,
        name="registration_certificate",
    ),
    path("surveys/", surveys.survey_list, name="survey_list"),
    path("surveys/<int:pk>/", surveys.survey_answer, name="survey_answer"),
    path("survey/<str:token>/", surveys.survey_link, name="survey_link"),
    path("impact/", figures.impact_index, name="impact_index"),
    path("impact/<str:nis_code>/<int:year>/", figures.impact_page, name="impact"),
    path("impact/<str:nis_code>/<int:year>/pdf/", figures.impact_pdf, name="impact_pdf"),
    path("capability/<str:nis_code>/", figures.capability_page, name="capability"),
    path("reach/<int:year>/", figures.reach_page, name="reach"),
    path(
        "guides/<int:pk>/attachments/<int:attachment_pk>/",
        guides.attachment_download,
        name="attachment_download",
    ),
]
