import datetime
from functools import partial

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.agreements.pricing import quote_for
from dyzo.agreements.views.quotes import quote_pdf_response
from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.dossiers.models import Dossier
from dyzo.portal import services
from dyzo.portal.access import (
    for_municipal_workers,
    get_help_request_for_user,
    get_own_municipality,
)
from dyzo.portal.errors import HelpRequestError
from dyzo.portal.forms import AnswerForm, DeclineForm, HelpRequestForm
from dyzo.portal.models import HelpRequest
from dyzo.portal.usage import use_of_year
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.actions import run_service
from dyzo.utils.pagination import capped_count, keyset_page, sorting
from dyzo.worklist import worker_work

PAGE_SIZE = 25
# Submitted (ids grow with the submission time, the primary key serves it) and status (its
# index), both ways.
REQUEST_SORTS = {"submitted": ["id"], "status": ["status", "-id"]}


@shows_no_personal_data
@for_municipal_workers
def portal_home(request):
    today = datetime.date.today()
    context = {
        "work": worker_work(request.user, today),
        "uses": use_of_year(request.user),
        "year": today.year,
    }
    return render(request, "portal/home.html", context)


@shows_no_personal_data
@for_municipal_workers
def quote(request, nis_code):
    municipality = get_own_municipality(request.user, nis_code)
    return render(request, "portal/quote.html", {"quote": quote_for(municipality)})


@shows_no_personal_data
@for_municipal_workers
def quote_pdf(request, nis_code):
    return quote_pdf_response(get_own_municipality(request.user, nis_code))


@audits_read("dossier.listed")
@for_municipal_workers
def dossier_list(request):
    queryset = Dossier.objects.visible_to(request.user).for_rows().select_related("report")
    page = keyset_page(queryset, ["-id"], request.GET.get("after"), PAGE_SIZE)
    shown(request, page.items)
    return render(request, "portal/dossier_list.html", {"page": page})


@audits_read("help_request.listed")
@login_and_permission_required("portal.view_helprequest")
def request_list(request):
    queryset = HelpRequest.objects.visible_to(request.user).select_related(
        "municipality", "submitted_by", "dossier"
    )
    if request.GET.get("waiting"):
        queryset = queryset.waiting()
    sort = sorting(request, REQUEST_SORTS, default="-submitted")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"), PAGE_SIZE)
    shown(request, page.items)
    context = {"page": page, "sort": sort, "count": capped_count(queryset)}
    return render(request, "portal/request_list.html", context)


@shows_no_personal_data
@login_and_permission_required("portal.add_helprequest")
def request_create(request):
    form = HelpRequestForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            help_request = services.submit_help_request(
                form.service_data(), party=form.cleaned_data["on_behalf_of"], actor=request.user
            )
        except HelpRequestError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your help request was sent to Dyzo."))
            return redirect("portal:request_detail", pk=help_request.pk)
    return render(request, "portal/request_form.html", {"form": form})


@audits_read("help_request.viewed", model=HelpRequest)
@login_and_permission_required("portal.view_helprequest")
def request_detail(request, pk):
    help_request = get_help_request_for_user(request.user, pk)
    context = {
        "help_request": help_request,
        "answer_form": AnswerForm(initial={"channel": help_request.answer_channel}),
        "decline_form": DeclineForm(),
    }
    return render(request, "portal/request_detail.html", context)


def _handle(request, pk, action, form_class=None, success=None):
    """Run a coordinator's action on a waiting request; the outcome comes back as a message
    (`success(result)` gives the text when it worked)."""
    help_request = get_help_request_for_user(request.user, pk, handle=True)
    form = form_class(request.POST) if form_class else None
    if form is not None and not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect("portal:request_detail", pk=pk)
    # The dossiers app's intake may refuse too (for example a municipality that merged).
    run_service(request, partial(action, help_request, form), success=success or "")
    return redirect("portal:request_detail", pk=pk)


@require_POST
@login_required
def request_take_up(request, pk):
    return _handle(
        request,
        pk,
        lambda help_request, form: services.take_up_help_request(help_request, actor=request.user),
        success=_taken_up,
    )


def _taken_up(help_request) -> str:
    if help_request.dossier_id:
        return _("Help request taken up: dossier %(ref)s opened.") % {
            "ref": help_request.dossier.reference
        }
    return _("Help request taken up: logged as phone or mail advice.")


@require_POST
@login_required
def request_answer(request, pk):
    return _handle(
        request,
        pk,
        lambda help_request, form: services.answer_help_request(
            help_request, form.cleaned_data, actor=request.user
        ),
        AnswerForm,
    )


@require_POST
@login_required
def request_decline(request, pk):
    return _handle(
        request,
        pk,
        lambda help_request, form: services.decline_help_request(
            help_request, form.cleaned_data["reason"], actor=request.user
        ),
        DeclineForm,
    )
