from rest_framework.routers import SimpleRouter

from dyzo.reports.api.views import WrittenReportViewSet

router = SimpleRouter()
router.register("reports", WrittenReportViewSet, basename="report")
urlpatterns = router.urls
