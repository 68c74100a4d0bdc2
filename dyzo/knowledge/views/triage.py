"""The first-line triage in the portal: checklist, outcome, and the pre-filled help request."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dyzo.audit.reads import audits_read, shows_no_personal_data
from dyzo.knowledge import services
from dyzo.knowledge.constants import TriageOutcome
from dyzo.knowledge.errors import TriageError
from dyzo.knowledge.forms import TriageForm
from dyzo.knowledge.models import Guide, Triage
from dyzo.portal.access import for_municipal_workers
from dyzo.portal.errors import HelpRequestError
from dyzo.portal.forms import HelpRequestForm


def get_triage_for_user(user, pk) -> Triage:
    """A triage of the worker's own municipalities, else 404."""
    return get_object_or_404(
        Triage.objects.visible_to(user).select_related("topic", "municipality", "help_request"),
        pk=pk,
    )


@shows_no_personal_data
@for_municipal_workers
def triage_start(request):
    form = TriageForm(request.POST or None, user=request.user)
    if request.method == "POST" and form.is_valid():
        try:
            triage = services.record_triage(
                form.answers(),
                party=form.cleaned_data["on_behalf_of"],
                topic=form.cleaned_data["topic"],
                actor=request.user,
            )
        except TriageError as error:
            form.add_error(None, str(error))
        else:
            return redirect("knowledge:triage_result", pk=triage.pk)
    return render(request, "knowledge/triage_form.html", {"form": form})


@audits_read("triage.viewed", model=Triage)
@require_safe
@for_municipal_workers
def triage_result(request, pk):
    triage = get_triage_for_user(request.user, pk)
    guides = Guide.objects.readable_by(request.user).select_related("topic")
    if triage.topic_id:
        guides = guides.filter(topic_id=triage.topic_id)
    context = {"triage": triage, "guides": guides[:10], "Outcome": TriageOutcome}
    return render(request, "knowledge/triage_result.html", context)


@audits_read("triage.viewed", model=Triage)
@for_municipal_workers
def triage_request(request, pk):
    triage = get_triage_for_user(request.user, pk)
    if triage.outcome == TriageOutcome.SELF or triage.help_request_id:
        return redirect("knowledge:triage_result", pk=triage.pk)
    form = HelpRequestForm(
        request.POST or None, user=request.user, initial=services.help_request_initial(triage)
    )
    form.fields["on_behalf_of"].queryset = form.fields["on_behalf_of"].queryset.filter(
        municipality=triage.municipality, kind=triage.party
    )
    if request.method == "POST" and form.is_valid():
        try:
            help_request = services.continue_to_help_request(
                triage, form.service_data(), actor=request.user
            )
        except (TriageError, HelpRequestError) as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Your help request was sent to Dyzo."))
            return redirect("portal:request_detail", pk=help_request.pk)
    return render(request, "knowledge/triage_request.html", {"form": form, "triage": triage})
