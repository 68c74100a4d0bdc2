from rest_framework.routers import SimpleRouter

from dyzo.audit.api.views import AuditEntryViewSet

router = SimpleRouter()
router.register("audit-entries", AuditEntryViewSet, basename="auditentry")
urlpatterns = router.urls
