from django.urls import path

from dyzo.agreements.views import agreements, quotes, tariffs

app_name = "agreements"

urlpatterns = [
    path("", agreements.agreement_list, name="list"),
    path("new/", agreements.agreement_create, name="create"),
    path("<int:pk>/", agreements.agreement_detail, name="detail"),
    path("<int:pk>/edit/", agreements.agreement_edit, name="edit"),
    path("<int:pk>/propose/", agreements.agreement_propose, name="propose"),
    path("<int:pk>/sign/", agreements.agreement_sign, name="sign"),
    path("<int:pk>/terminate/", agreements.agreement_terminate, name="terminate"),
    path("<int:pk>/document/", agreements.agreement_document, name="document"),
    path("tariffs/", tariffs.tariff_list, name="tariff_list"),
    path("tariffs/new/", tariffs.tariff_create, name="tariff_create"),
    path("tariffs/<int:year>/edit/", tariffs.tariff_edit, name="tariff_edit"),
    path("quote/<str:nis_code>/", quotes.quote, name="quote"),
    path("quote/<str:nis_code>/pdf/", quotes.quote_pdf, name="quote_pdf"),
]
