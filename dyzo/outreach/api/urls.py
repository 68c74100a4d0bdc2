from rest_framework.routers import SimpleRouter

from dyzo.outreach.api.views import ContactViewSet, DeclineReasonViewSet

router = SimpleRouter()
router.register("contacts", ContactViewSet, basename="contact")
router.register("decline-reasons", DeclineReasonViewSet, basename="decline-reason")
urlpatterns = router.urls
