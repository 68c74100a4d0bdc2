from rest_framework.routers import SimpleRouter

from dyzo.portal.api.views import HelpRequestViewSet

router = SimpleRouter()
router.register("help-requests", HelpRequestViewSet, basename="help-request")
urlpatterns = router.urls
