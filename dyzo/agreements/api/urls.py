from rest_framework.routers import SimpleRouter

from dyzo.agreements.api.views import AgreementViewSet, TariffScheduleViewSet

router = SimpleRouter()
router.register("agreements", AgreementViewSet, basename="agreement")
router.register("tariff-schedules", TariffScheduleViewSet, basename="tariff-schedule")
urlpatterns = router.urls
