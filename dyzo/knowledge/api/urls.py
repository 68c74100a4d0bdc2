from rest_framework.routers import SimpleRouter

from dyzo.knowledge.api.views import GuideViewSet, TopicViewSet

router = SimpleRouter()
router.register("guides", GuideViewSet, basename="guide")
router.register("guide-topics", TopicViewSet, basename="guide-topic")
urlpatterns = router.urls
