from rest_framework.routers import SimpleRouter

from django.urls import path

from dyzo.knowledge.api.figures import CapabilityView, ImpactReportView, ReachView
from dyzo.knowledge.api.views import GuideViewSet, TopicViewSet
from dyzo.knowledge.api.work import (
    RegistrationViewSet,
    SurveyViewSet,
    TrainingViewSet,
    TriageViewSet,
)

router = SimpleRouter()
router.register("guides", GuideViewSet, basename="guide")
router.register("guide-topics", TopicViewSet, basename="guide-topic")
router.register("trainings", TrainingViewSet, basename="training")
router.register("training-registrations", RegistrationViewSet, basename="training-registration")
router.register("triages", TriageViewSet, basename="triage")
router.register("satisfaction-surveys", SurveyViewSet, basename="satisfaction-survey")
urlpatterns = [
    *router.urls,
    path(
        "impact-reports/<str:nis_code>/<int:year>/",
        ImpactReportView.as_view(),
        name="impact-report",
    ),
    path("capability/<str:nis_code>/", CapabilityView.as_view(), name="capability"),
    path("reach/<int:year>/", ReachView.as_view(), name="reach"),
]
