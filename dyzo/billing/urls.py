from django.urls import path

from dyzo.billing import views

app_name = "billing"
urlpatterns = [
    path("invoices/", views.invoice_list, name="invoice_list"),
    path("invoices/new/", views.invoice_create, name="invoice_create"),
    path("invoices/<int:pk>/", views.invoice_detail, name="invoice_detail"),
    path("invoices/<int:pk>/pdf/", views.invoice_pdf, name="invoice_pdf"),
    path("invoices/<int:pk>/ubl/", views.invoice_ubl, name="invoice_ubl"),
    path("invoices/<int:pk>/issue/", views.invoice_issue, name="invoice_issue"),
    path("invoices/<int:pk>/credit/", views.invoice_credit, name="invoice_credit"),
    path("invoices/<int:pk>/payments/", views.payment_create, name="payment_create"),
    path("invoices/<int:pk>/reminder/", views.reminder_send, name="reminder_send"),
    path("receivables/", views.receivables, name="receivables"),
    path("statements/import/", views.statement_import, name="statement_import"),
    path("payments/unmatched/", views.unmatched, name="unmatched"),
    path("payments/<int:pk>/assign/", views.payment_assign, name="payment_assign"),
    path(
        "export/<int:year>.<str:fmt>",
        views.accountant_export,
        name="accountant_export",
    ),
    path("revenue/", views.revenue, name="revenue"),
    path("parties/", views.party_list, name="party_list"),
    path("parties/<int:pk>/", views.party_edit, name="party_edit"),
    path("parties/import/", views.party_import, name="party_import"),
]
