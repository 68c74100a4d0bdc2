from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect, render
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.audit.reads import audits_read, shown
from dyzo.dossiers import services
from dyzo.dossiers.access import get_dossier_for_user, may_change_dossier, needs
from dyzo.dossiers.constants import DossierBasis, DossierStatus
from dyzo.dossiers.errors import DossierConflict, DossierError
from dyzo.dossiers.forms import (
    ActivityForm,
    CancelForm,
    CloseForm,
    DocumentForm,
    DossierEditForm,
    DossierFilterForm,
    EntrepreneurForm,
    IntakeForm,
    MoveForm,
    TeamMemberForm,
)
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.workflow import COORDINATOR, actor_kinds, may_transition, next_simple_step
from dyzo.utils.actions import run_service
from dyzo.utils.pagination import capped_count, keyset_page, sorting


def quote_url(municipality) -> str | None:
    """The agreements app's quote page for `municipality`, when that app offers one."""
    try:
        return reverse("agreements:quote", args=[municipality.nis_code])
    except NoReverseMatch:
        return None


# Each sort has its index (Dossier.Meta.indexes), so a page reads from it at any depth.
# "opened" (no column of its own) is the intake order, newest first by default as before:
# the filters' indexes (status, -id), (municipality, -id), ... serve it.
DOSSIER_SORTS = {
    "reference": ["year", "number"],
    "opened": ["id"],
    "opened_on": ["opened_on", "id"],
    "status": ["status", "-id"],
}


@audits_read("dossier.listed")
@needs("dossiers.view_dossier")
def dossier_list(request):
    form = DossierFilterForm(request.GET, user=request.user)
    form.is_valid()
    queryset = form.filter(Dossier.objects.visible_to(request.user))
    queryset = queryset.for_rows()
    # No DISTINCT: every filter yields a dossier at most once (a person is on a team once,
    # unique constraint), and DISTINCT would make PostgreSQL sort every matching row
    # instead of reading the first page from an index (docs/performance.md).
    sort = sorting(request, DOSSIER_SORTS, default="-opened")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"))
    shown(request, page.items)
    template = "dossiers/_dossier_rows.html" if request.htmx else "dossiers/dossier_list.html"
    count = capped_count(queryset, searched=bool(form.cleaned_data.get("q")))
    context = {"form": form, "page": page, "sort": sort, "count": count}
    return render(request, template, context)


def _intake_forms(request):
    data = request.POST if request.method == "POST" else None
    intake = IntakeForm(data, user=request.user)
    entrepreneur = EntrepreneurForm(data, prefix="entrepreneur")
    return intake, entrepreneur


def _entrepreneur_for_intake(request, intake, entrepreneur_form):
    existing = intake.cleaned_data.get("existing_entrepreneur")
    if existing:
        return existing
    if not entrepreneur_form.is_valid():
        return None
    return services.create_entrepreneur(entrepreneur_form.cleaned_data, actor=request.user)


# The intake form offers the existing entrepreneurs to choose from.
@audits_read("entrepreneur.listed")
@needs("dossiers.add_dossier")
def dossier_create(request):
    intake, entrepreneur_form = _intake_forms(request)
    if request.method == "POST" and intake.is_valid():
        try:
            with transaction.atomic():
                entrepreneur = _entrepreneur_for_intake(request, intake, entrepreneur_form)
                if entrepreneur is not None:
                    dossier = services.open_dossier(
                        entrepreneur=entrepreneur, actor=request.user, **intake.service_kwargs()
                    )
                    return _opened(request, dossier)
        except DossierError as error:
            intake.add_error(None, str(error))
    if intake.is_bound and intake.is_valid() and intake.cleaned_data["existing_entrepreneur"]:
        entrepreneur_form = EntrepreneurForm(prefix="entrepreneur")
    context = {"form": intake, "entrepreneur_form": entrepreneur_form}
    return render(request, "dossiers/dossier_intake.html", context)


def _opened(request, dossier):
    messages.success(request, _("Dossier %(ref)s opened.") % {"ref": dossier.reference})
    if dossier.basis == DossierBasis.NOT_COVERED:
        messages.warning(
            request,
            _(
                "No agreement of %(municipality)s in force covers a referral by its "
                "%(party)s: this dossier is not covered."
            )
            % {
                "municipality": dossier.municipality.name,
                "party": dossier.get_referring_party_display(),
            },
        )
    return redirect("dossiers:detail", pk=dossier.pk)


@audits_read("dossier.viewed", model=Dossier)
@needs("dossiers.view_dossier")
def dossier_detail(request, pk):
    dossier = get_dossier_for_user(request.user, pk)
    team = list(dossier.team.select_related("user"))
    kinds = actor_kinds(dossier, request.user, team_user_ids={m.user_id for m in team})
    report = getattr(dossier, "report", None)
    can_change = may_change_dossier(request.user, dossier)
    context = {
        "dossier": dossier,
        "team": team,
        "can_change": can_change,
        "not_covered": dossier.basis == DossierBasis.NOT_COVERED,
        "report_delivered": report is not None and report.delivered_at is not None,
        "may_start_report": can_change and dossier.status in DossierStatus.report_writing_values(),
        "is_coordinator": COORDINATOR in kinds,
        "history": dossier.status_changes.select_related("actor"),
        "report": report,
        "quote_url": quote_url(dossier.municipality),
        **_working_material(request, dossier, kinds),
        **_action_forms(request, dossier, kinds, team),
    }
    return render(request, "dossiers/dossier_detail.html", context)


def _working_material(request, dossier, kinds) -> dict:
    """Activities and documents: only for Dyzo's people on the dossier."""
    if not kinds:
        return {}
    return {
        "activities": dossier.activities.select_related("recorded_by"),
        "documents": dossier.documents.select_related("uploaded_by"),
    }


def _action_forms(request, dossier, kinds, team) -> dict:
    if not kinds or dossier.is_finished:
        return {}
    version = {"version": dossier.version}
    step = next_simple_step(dossier)
    team_ids = {m.user_id for m in team}
    forms = {
        "activity_form": ActivityForm(prefix="activity"),
        "document_form": DocumentForm(prefix="document"),
        "next_step": DossierStatus(step)
        if step and may_transition(dossier, step, request.user, team_user_ids=team_ids)
        else None,
        "move_form": MoveForm(initial={"to_status": step, **version}, prefix="move")
        if step
        else None,
    }
    if COORDINATOR in kinds:
        forms["team_form"] = TeamMemberForm(dossier=dossier)
        forms["cancel_form"] = (
            CancelForm(initial=version, prefix="cancel") if dossier.is_open else None
        )
        forms["close_form"] = (
            CloseForm(initial=version, prefix="close")
            if dossier.status == DossierStatus.REPORT_DELIVERED
            else None
        )
    return forms


@audits_read("dossier.viewed", model=Dossier)
@needs("dossiers.change_dossier")
def dossier_edit(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = DossierEditForm(request.POST or None, instance=dossier)
    if request.method == "POST" and form.is_valid():
        try:
            services.update_dossier(
                dossier, form.cleaned_data, version=form.cleaned_data["version"], actor=request.user
            )
        except DossierConflict as error:
            return _conflict(request, dossier, form, error)
        except DossierError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Dossier saved."))
            return redirect("dossiers:detail", pk=dossier.pk)
    return render(request, "dossiers/dossier_edit.html", {"dossier": dossier, "form": form})


def _conflict(request, dossier, form, error):
    """Show the user's input again next to the values saved by the other person, with the
    new version so that saving again is a deliberate overwrite."""
    current = Dossier.objects.get(pk=dossier.pk)
    data = request.POST.copy()
    data["version"] = current.version
    # Validating a ModelForm writes the input onto its instance: give it its own copy.
    form = DossierEditForm(data, instance=Dossier.objects.get(pk=dossier.pk))
    form.is_valid()
    form.add_error(None, str(error))
    context = {"dossier": current, "form": form, "current": current, "conflict": True}
    return render(request, "dossiers/dossier_edit.html", context, status=409)


@require_POST
@needs("dossiers.change_dossier")
def dossier_move(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = MoveForm(request.POST, prefix="move")
    if not form.is_valid():
        messages.error(request, _("This step is not possible."))
        return redirect("dossiers:detail", pk=dossier.pk)
    data = form.cleaned_data
    run_service(
        request,
        lambda: services.move_dossier(
            dossier, data["to_status"], actor=request.user, version=data["version"]
        ),
        _("Dossier moved on."),
    )
    return redirect("dossiers:detail", pk=dossier.pk)


@require_POST
@needs("dossiers.change_dossier")
def dossier_close(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = CloseForm(request.POST, prefix="close")
    if not form.is_valid():
        messages.error(request, _("Choose the outcome of the dossier."))
        return redirect("dossiers:detail", pk=dossier.pk)
    data = form.cleaned_data
    run_service(
        request,
        lambda: services.close_dossier(
            dossier, data["outcome"], actor=request.user, note=data["note"], version=data["version"]
        ),
        _("Dossier closed."),
    )
    return redirect("dossiers:detail", pk=dossier.pk)


@require_POST
@needs("dossiers.change_dossier")
def dossier_cancel(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = CancelForm(request.POST, prefix="cancel")
    if not form.is_valid():
        messages.error(request, _("Say why the dossier is cancelled."))
        return redirect("dossiers:detail", pk=dossier.pk)
    data = form.cleaned_data
    run_service(
        request,
        lambda: services.cancel_dossier(
            dossier, actor=request.user, note=data["note"], version=data["version"]
        ),
        _("Dossier cancelled."),
    )
    return redirect("dossiers:detail", pk=dossier.pk)
