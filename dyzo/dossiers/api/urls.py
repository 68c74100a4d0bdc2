from rest_framework.routers import SimpleRouter

from dyzo.dossiers.api.views import AdviceEntryViewSet, DossierViewSet, EntrepreneurViewSet

router = SimpleRouter()
router.register("dossiers", DossierViewSet, basename="dossier")
router.register("entrepreneurs", EntrepreneurViewSet, basename="entrepreneur")
router.register("advice-entries", AdviceEntryViewSet, basename="advice-entry")
urlpatterns = router.urls
