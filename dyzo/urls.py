from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from django.contrib import admin
from django.urls import include, path

from dyzo import views

api_patterns = [
    path("", include("dyzo.localgov.api.urls")),
    path("", include("dyzo.agreements.api.urls")),
    path("", include("dyzo.outreach.api.urls")),
    path("", include("dyzo.dossiers.api.urls")),
    path("", include("dyzo.reports.api.urls")),
    path("", include("dyzo.insights.api.urls")),
    path("", include("dyzo.portal.api.urls")),
    path("", include("dyzo.knowledge.api.urls")),
    path("", include("dyzo.audit.api.urls")),
    path("", include("dyzo.billing.api.urls")),
]

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/", include("django.conf.urls.i18n")),
    path("accounts/", include("dyzo.accounts.urls")),
    path("municipalities/", include("dyzo.localgov.urls")),
    path("agreements/", include("dyzo.agreements.urls")),
    path("outreach/", include("dyzo.outreach.urls")),
    path("dossiers/", include("dyzo.dossiers.urls")),
    path("reports/", include("dyzo.reports.urls")),
    path("insights/", include("dyzo.insights.urls")),
    path("portal/", include("dyzo.portal.urls")),
    path("knowledge/", include("dyzo.knowledge.urls")),
    path("audit/", include("dyzo.audit.urls")),
    path("billing/", include("dyzo.billing.urls")),
    path("privacy/", include("dyzo.privacy.urls")),
    path("notifications/", include("dyzo.notifications.urls")),
    path("api/v1/", include(api_patterns)),
    path(
        "api/schema/",
        SpectacularAPIView.as_view(permission_classes=[IsAuthenticated]),
        name="api-schema",
    ),
    path("admin/", admin.site.urls),
]
