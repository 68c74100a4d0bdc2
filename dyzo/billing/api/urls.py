from rest_framework.routers import SimpleRouter

from django.urls import path

from dyzo.billing.api.views import InvoiceViewSet, RevenueView

router = SimpleRouter()
router.register("invoices", InvoiceViewSet, basename="invoice")
urlpatterns = [
    *router.urls,
    path("billing/revenue/", RevenueView.as_view(), name="billing-revenue"),
]
