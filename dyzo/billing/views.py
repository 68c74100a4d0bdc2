import datetime

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.db.models import DateField, Value
from django.db.models.functions import Coalesce
from django.http import Http404, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dyzo.agreements.constants import AgreementForm
from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.billing import finance, services
from dyzo.billing.access import finance_required, get_invoice_for_user, invoices_required
from dyzo.billing.constants import PaymentState
from dyzo.billing.documents import stored_files
from dyzo.billing.errors import BillingError
from dyzo.billing.forms import (
    AssignForm,
    BillingPartyForm,
    CreditForm,
    DraftInvoiceForm,
    PartyImportForm,
    PaymentForm,
    StatementForm,
)
from dyzo.billing.models import BillingParty, Invoice, Payment
from dyzo.localgov.models import Party
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.pagination import capped_count, keyset_page, sorting

PAGE_SIZE = 25
# Newest first by default; by issue date both ways, drafts (not issued yet) after the issued
# ones. Invoices number a few hundred a year: no index needed for the issue date.
INVOICE_SORTS = {"created": ["id"], "issued_on": ["issued_sort", "id"]}
NOT_ISSUED_YET = datetime.date(9999, 12, 31)
MAX_UPLOAD = 5 * 1024 * 1024


def _year(request) -> int | None:
    value = request.GET.get("year", "")
    if not value:
        return None
    if not value.isdigit() or not 2000 <= int(value) <= 2100:
        raise Http404(_("Not a valid year."))
    return int(value)


@audits_read("invoice.listed")
@invoices_required
def invoice_list(request):
    queryset = Invoice.objects.visible_to(request.user).select_related("buyer", "municipality")
    year = _year(request)
    if year:
        queryset = queryset.filter(year=year)
    count = capped_count(queryset)
    sort = sorting(request, INVOICE_SORTS, default="-created")
    queryset = queryset.annotate(
        issued_sort=Coalesce("issued_on", Value(NOT_ISSUED_YET), output_field=DateField())
    )
    page = keyset_page(queryset, sort.fields, request.GET.get("after"), PAGE_SIZE)
    shown(request, page.items)
    context = {"page": page, "year": year, "sort": sort, "count": count}
    return render(request, "billing/invoice_list.html", context)


@audits_read("invoice.viewed", model=Invoice)
@invoices_required
def invoice_detail(request, pk):
    invoice = get_invoice_for_user(request.user, pk)
    balance = Invoice.objects.with_balances().get(pk=invoice.pk)
    context = {
        "invoice": invoice,
        "lines": invoice.lines.all(),
        "balance": balance,
        "state": PaymentState(balance.payment_state()).label,
        "payments": invoice.payments.all(),
        "reminders": invoice.reminders.all(),
        "credit_form": CreditForm(),
        "payment_form": PaymentForm(initial={"paid_on": datetime.date.today()}),
    }
    return render(request, "billing/invoice_detail.html", context)


def _download(request, pk, kind):
    invoice = get_invoice_for_user(request.user, pk)
    if not invoice.is_issued:
        raise Http404(_("A draft has no documents yet."))
    pdf, ubl = stored_files(invoice)
    content, content_type, ext = (
        (pdf, "application/pdf", "pdf") if kind == "pdf" else (ubl, "application/xml", "xml")
    )
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="{invoice.number}.{ext}"'
    return response


@audits_read("invoice.downloaded", model=Invoice)
@require_safe
@invoices_required
def invoice_pdf(request, pk):
    return _download(request, pk, "pdf")


@audits_read("invoice.downloaded", model=Invoice)
@require_safe
@invoices_required
def invoice_ubl(request, pk):
    return _download(request, pk, "ubl")


@shows_no_personal_data
@finance_required
def invoice_create(request):
    form = DraftInvoiceForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        line = {"description": data["description"], "unit_price": data["amount"]}
        try:
            invoice = services.create_draft(
                data["buyer"], [line], actor=request.user, year=datetime.date.today().year
            )
        except BillingError as error:
            form.add_error(None, str(error))
        else:
            return redirect("billing:invoice_detail", pk=invoice.pk)
    return render(request, "billing/invoice_form.html", {"form": form})


def _act(request, pk, action):
    invoice = get_invoice_for_user(request.user, pk, manage=True)
    try:
        result = action(invoice)
    except BillingError as error:
        messages.error(request, str(error))
        return redirect("billing:invoice_detail", pk=invoice.pk)
    return redirect("billing:invoice_detail", pk=getattr(result, "invoice_id", None) or result.pk)


@require_POST
@finance_required
def invoice_issue(request, pk):
    return _act(request, pk, lambda invoice: services.issue_invoice(invoice, actor=request.user))


@require_POST
@finance_required
def invoice_credit(request, pk):
    form = CreditForm(request.POST)
    reason = form.cleaned_data["reason"] if form.is_valid() else ""
    return _act(
        request, pk, lambda inv: services.credit_invoice(inv, actor=request.user, reason=reason)
    )


@require_POST
@finance_required
def payment_create(request, pk):
    form = PaymentForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give a positive amount and a date."))
        return redirect("billing:invoice_detail", pk=pk)
    data = form.cleaned_data
    return _act(
        request,
        pk,
        lambda inv: services.record_payment(
            inv, data["amount"], data["paid_on"], actor=request.user
        ),
    )


@require_POST
@finance_required
def reminder_send(request, pk):
    return _act(request, pk, lambda inv: services.send_reminder(inv, actor=request.user))


@audits_read("invoice.listed")
@finance_required
def receivables(request):
    today = datetime.date.today()
    rows = list(finance.receivables(today))
    for invoice in rows:
        invoice.overdue_days = invoice.days_overdue(today)
    shown(request, rows)
    return render(request, "billing/receivables.html", {"rows": rows, "today": today})


@shows_no_personal_data
@finance_required
def statement_import(request):
    form = StatementForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise BillingError(_("This file is too large for a bank statement."))
            result = services.import_bank_statement(
                upload.read(), actor=request.user, file_name=upload.name
            )
        except BillingError as error:
            form.add_error("file", str(error))
        else:
            if not result.created:
                messages.info(request, _("This statement was imported before: nothing changed."))
            else:
                messages.success(
                    request,
                    _("%(matched)s payments matched, %(unmatched)s to assign.")
                    % {"matched": result.matched, "unmatched": result.unmatched},
                )
            return redirect("billing:unmatched")
    return render(request, "billing/statement_form.html", {"form": form})


@audits_read("payment.listed")
@finance_required
def unmatched(request):
    payments = Payment.objects.unmatched().order_by("-paid_on", "-id")[:200]
    return render(request, "billing/unmatched.html", {"payments": payments, "form": AssignForm()})


@require_POST
@finance_required
def payment_assign(request, pk):
    payment = get_object_or_404(Payment.objects.unmatched(), pk=pk)
    form = AssignForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give the number of an issued invoice."))
        return redirect("billing:unmatched")
    try:
        services.assign_payment(payment, form.cleaned_data["invoice"], actor=request.user)
    except BillingError as error:
        messages.error(request, str(error))
    return redirect("billing:unmatched")


@audits_read("invoice.exported")
@finance_required
def accountant_export(request, year, fmt):
    if fmt not in ("csv", "xlsx") or not 2000 <= year <= 2100:
        raise Http404(_("Choose csv or xlsx and a valid year."))
    if fmt == "csv":
        content, content_type = finance.accountant_csv(year), "text/csv; charset=utf-8"
    else:
        content = finance.accountant_xlsx(year)
        content_type = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
    response = HttpResponse(content, content_type=content_type)
    response["Content-Disposition"] = f'attachment; filename="facturatie-{year}.{fmt}"'
    return response


@shows_no_personal_data
@login_and_permission_required("billing.view_revenue")
def revenue(request):
    year = _year(request) or datetime.date.today().year
    labels = dict(AgreementForm.choices)
    rows = [{**row, "label": labels.get(row["form"], _("other"))} for row in finance.revenue(year)]
    return render(request, "billing/revenue.html", {"rows": rows, "year": year})


@shows_no_personal_data
@finance_required
def party_list(request):
    parties = Party.objects.select_related("municipality", "billing").filter(billing__isnull=False)
    return render(request, "billing/party_list.html", {"parties": parties})


@shows_no_personal_data
@finance_required
def party_edit(request, pk):
    party = get_object_or_404(Party.objects.select_related("municipality"), pk=pk)
    billing = BillingParty.objects.filter(party=party).first()
    form = BillingPartyForm(request.POST or None, instance=billing)
    if request.method == "POST" and form.is_valid():
        try:
            services.save_billing_party(party, form.cleaned_data, actor=request.user)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Billing details saved."))
            return redirect("billing:party_list")
    return render(request, "billing/party_form.html", {"form": form, "party": party})


@shows_no_personal_data
@finance_required
def party_import(request):
    form = PartyImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        try:
            if upload.size > MAX_UPLOAD:
                raise BillingError(_("This file is too large."))
            text = upload.read().decode("utf-8-sig")
            count = services.import_billing_parties(text, actor=request.user)
        except UnicodeDecodeError:
            form.add_error("file", _("The file is not UTF-8 text."))
        except BillingError as error:
            form.add_error("file", str(error))
        else:
            messages.success(request, _("%(count)s parties saved.") % {"count": count})
            return redirect("billing:party_list")
    return render(request, "billing/party_import.html", {"form": form})
