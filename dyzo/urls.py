from drf_spectacular.views import SpectacularAPIView
from rest_framework.permissions import IsAuthenticated

from django.contrib import admin
from django.urls import include, path
from django.views.i18n import set_language

from dyzo import views
from dyzo.audit.reads import shows_no_personal_data

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

handler404 = "dyzo.views.not_found"

urlpatterns = [
    path("", views.home, name="home"),
    path("i18n/setlang/", shows_no_personal_data(set_language), name="set_language"),
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
        shows_no_personal_data(SpectacularAPIView.as_view(permission_classes=[IsAuthenticated])),
        name="api-schema",
    ),
    path("admin/", admin.site.urls),
]
