from rest_framework.routers import SimpleRouter

from dyzo.localgov.api.views import MunicipalityViewSet

router = SimpleRouter()
router.register("municipalities", MunicipalityViewSet, basename="municipality")
urlpatterns = router.urls
