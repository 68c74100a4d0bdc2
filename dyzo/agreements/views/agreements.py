from functools import partial

from django.contrib import messages
from django.contrib.humanize.templatetags.humanize import intcomma
from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.agreements import services
from dyzo.agreements.access import (
    can_add_agreements,
    can_view_agreements,
    get_agreement_for_user,
    visible_agreements,
)
from dyzo.agreements.errors import AgreementError
from dyzo.agreements.forms import (
    AgreementEditForm,
    AgreementFilterForm,
    DocumentForm,
    NotesForm,
    SignForm,
    TerminateForm,
)
from dyzo.audit.reads import shows_no_personal_data
from dyzo.localgov.models import Municipality
from dyzo.utils.actions import run_service
from dyzo.utils.pagination import capped_count, keyset_page, sorting

LIST_ORDER = ["-starts_on", "-id"]
# By start (its (starts_on, id) index) and status, both ways; newest start first by default.
AGREEMENT_SORTS = {"starts_on": ["starts_on", "id"], "status": ["status", "-id"]}


@shows_no_personal_data
@can_view_agreements
def agreement_list(request):
    form = AgreementFilterForm(request.GET)
    # An invalid field is left out of cleaned_data (and shown as an error); the rest filters.
    form.is_valid()
    queryset = form.filter(visible_agreements(request.user))
    sort = sorting(request, AGREEMENT_SORTS, default="-starts_on")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"))
    template = "agreements/_agreement_rows.html" if request.htmx else "agreements/list.html"
    context = {"form": form, "page": page, "sort": sort, "count": capped_count(queryset)}
    return render(request, template, context)


@shows_no_personal_data
@can_view_agreements
def agreement_detail(request, pk):
    agreement = get_agreement_for_user(request.user, pk)
    context = {
        "agreement": agreement,
        "sign_form": SignForm(),
        "terminate_form": TerminateForm(),
        "document_form": DocumentForm(),
    }
    return render(request, "agreements/detail.html", context)


@shows_no_personal_data
@can_add_agreements
def agreement_create(request):
    initial = {}
    if nis_code := request.GET.get("municipality"):
        initial["municipality"] = get_object_or_404(Municipality, nis_code=nis_code)
    form = AgreementEditForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            agreement = services.create_agreement(
                data.pop("municipality"), actor=request.user, **data
            )
        except AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Agreement saved as a draft."))
            if counted := getattr(agreement, "proposed_from", None):
                messages.info(
                    request,
                    _(
                        "The annual fee was proposed from the tariff for %(inhabitants)s "
                        "inhabitants, counted on 1 January %(year)s."
                    )
                    % {"inhabitants": intcomma(counted.inhabitants), "year": counted.year},
                )
            return redirect("agreements:detail", pk=agreement.pk)
    return render(request, "agreements/form.html", {"form": form})


@shows_no_personal_data
@can_view_agreements
def agreement_edit(request, pk):
    agreement = get_agreement_for_user(request.user, pk, change=True)
    form_class = NotesForm if agreement.is_signed else AgreementEditForm
    form = form_class(request.POST or None, instance=agreement)
    if request.method == "POST" and form.is_valid():
        # Work on a fresh copy: a refused change must not leave the form's instance altered.
        fresh = get_agreement_for_user(request.user, pk, change=True)
        try:
            services.update_agreement(fresh, actor=request.user, **form.cleaned_data)
        except AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Agreement saved."))
            return redirect("agreements:detail", pk=pk)
    return render(request, "agreements/form.html", {"form": form, "agreement": agreement})


@require_POST
@can_view_agreements
def agreement_propose(request, pk):
    agreement = get_agreement_for_user(request.user, pk, change=True)
    propose = partial(services.propose_agreement, agreement, actor=request.user)
    run_service(request, propose, _("Agreement marked as proposed."))
    return redirect("agreements:detail", pk=pk)


@shows_no_personal_data
@can_view_agreements
def agreement_sign(request, pk):
    agreement = get_agreement_for_user(request.user, pk, sign=True)
    form = SignForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.sign_agreement(agreement, actor=request.user, **form.cleaned_data)
        except AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Agreement signed."))
            return redirect("agreements:detail", pk=pk)
    context = {"agreement": agreement, "form": form, "action": "sign"}
    return render(request, "agreements/action.html", context)


@shows_no_personal_data
@can_view_agreements
def agreement_terminate(request, pk):
    agreement = get_agreement_for_user(request.user, pk, sign=True)
    form = TerminateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            services.terminate_agreement(agreement, actor=request.user, **form.cleaned_data)
        except AgreementError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Agreement terminated."))
            return redirect("agreements:detail", pk=pk)
    context = {"agreement": agreement, "form": form, "action": "terminate"}
    return render(request, "agreements/action.html", context)


@shows_no_personal_data
@can_view_agreements
def agreement_document(request, pk):
    """The signed PDF, served through the access check (media files are not public)."""
    agreement = get_agreement_for_user(request.user, pk)
    if request.method == "POST":
        return _upload_document(request, agreement)
    if not agreement.document:
        raise Http404
    filename = f"agreement-{agreement.municipality.nis_code}-{agreement.pk}.pdf"
    return FileResponse(
        agreement.document.open("rb"), content_type="application/pdf", filename=filename
    )


def _upload_document(request, agreement):
    agreement = get_agreement_for_user(request.user, agreement.pk, change=True)
    form = DocumentForm(request.POST, request.FILES)
    if not form.is_valid():
        for error in form.errors.get("document", []):
            messages.error(request, error)
        return redirect("agreements:detail", pk=agreement.pk)
    attach = partial(
        services.attach_document,
        agreement,
        actor=request.user,
        document=form.cleaned_data["document"],
    )
    run_service(request, attach, _("Document attached."))
    return redirect("agreements:detail", pk=agreement.pk)
