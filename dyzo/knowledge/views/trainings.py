"""Trainings: workers register and evaluate, coordinators plan them and record attendance."""

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dyzo.audit.reads import audits_read, shows_no_personal_data
from dyzo.knowledge import trainings as services
from dyzo.knowledge.access import get_registration_for_user, get_training_for_user
from dyzo.knowledge.constants import RegistrationStatus
from dyzo.knowledge.errors import TrainingError
from dyzo.knowledge.forms import EvaluationForm, RegisterForm, TrainingForm
from dyzo.knowledge.models import Registration, Training
from dyzo.knowledge.pdf import attendance_certificate_pdf
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.pagination import keyset_page

PAGE_SIZE = 25


@shows_no_personal_data
@require_safe
@login_and_permission_required("knowledge.view_training")
def training_list(request):
    queryset = Training.objects.with_counts().select_related("topic")
    page = keyset_page(queryset, ["-starts_at", "-id"], request.GET.get("after"), PAGE_SIZE)
    own = {}
    if request.user.is_municipal_worker:
        own = dict(
            Registration.objects.filter(worker=request.user, training__in=page.items).values_list(
                "training_id", "status"
            )
        )
    for training in page.items:
        training.own_status = own.get(training.pk)
    return render(request, "knowledge/training_list.html", {"page": page})


@shows_no_personal_data  # the registered workers' names are staff data
@require_safe
@login_and_permission_required("knowledge.view_training")
def training_detail(request, pk):
    training = get_training_for_user(request.user, pk)
    context = {"training": training, "Status": RegistrationStatus}
    if request.user.is_municipal_worker:
        mine = Registration.objects.filter(training=training, worker=request.user).first()
        context.update(mine=mine, register_form=RegisterForm(user=request.user))
        if mine and mine.attended and not hasattr(mine, "evaluation"):
            context["evaluation_form"] = EvaluationForm()
    if request.user.has_perm("knowledge.change_training"):
        context["registrations"] = training.registrations.select_related(
            "worker", "municipality", "evaluation"
        ).order_by("status", "registered_at", "id")
    return render(request, "knowledge/training_detail.html", context)


def _save(request, training=None):
    form = TrainingForm(request.POST or None, instance=training)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_training(form.cleaned_data, training=training, actor=request.user)
        except TrainingError as error:
            form.add_error(None, str(error))
        else:
            return redirect("knowledge:training_detail", pk=saved.pk)
    return render(request, "knowledge/training_form.html", {"form": form, "training": training})


@shows_no_personal_data
@login_and_permission_required("knowledge.add_training")
def training_create(request):
    return _save(request)


@shows_no_personal_data
@login_and_permission_required("knowledge.change_training")
def training_edit(request, pk):
    return _save(request, get_training_for_user(request.user, pk, change=True))


def _run(request, pk, action, success):
    try:
        action()
    except TrainingError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, success)
    return redirect("knowledge:training_detail", pk=pk)


@require_POST
@login_and_permission_required("knowledge.add_registration")
def training_register(request, pk):
    training = get_training_for_user(request.user, pk)
    form = RegisterForm(request.POST, user=request.user)
    if not form.is_valid():
        messages.error(request, _("Choose the gemeente or OCMW you register for."))
        return redirect("knowledge:training_detail", pk=pk)
    party = form.cleaned_data["on_behalf_of"]
    return _run(
        request,
        pk,
        lambda: services.register(training, party=party, actor=request.user),
        _("Your registration was recorded."),
    )


@require_POST
@login_and_permission_required("knowledge.view_registration")
def registration_cancel(request, pk):
    registration = get_registration_for_user(request.user, pk)
    return _run(
        request,
        registration.training_id,
        lambda: services.cancel_registration(registration, actor=request.user),
        _("The registration was cancelled."),
    )


@require_POST
@login_and_permission_required("knowledge.change_training")
def training_attendance(request, pk):
    training = get_training_for_user(request.user, pk, change=True)
    attended = [value for value in request.POST.getlist("attended") if value.isdigit()]
    return _run(
        request,
        pk,
        lambda: services.record_attendance(training, attended, actor=request.user),
        _("Attendance recorded."),
    )


@require_POST
@login_and_permission_required("knowledge.add_registration")
def registration_evaluate(request, pk):
    registration = get_registration_for_user(request.user, pk)
    form = EvaluationForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Give every score from 1 to 5."))
        return redirect("knowledge:training_detail", pk=registration.training_id)
    return _run(
        request,
        registration.training_id,
        lambda: services.evaluate(registration, form.cleaned_data, actor=request.user),
        _("Thank you for your evaluation."),
    )


# A worker's certificate (staff data): its download is logged as before.
@audits_read("training.certificate_downloaded", model=Registration)
@require_safe
@login_and_permission_required("knowledge.view_registration")
def registration_certificate(request, pk):
    registration = get_registration_for_user(request.user, pk)
    if not registration.attended:
        messages.error(request, _("A certificate exists only for attendees."))
        return redirect("knowledge:training_detail", pk=registration.training_id)
    response = HttpResponse(
        attendance_certificate_pdf(registration), content_type="application/pdf"
    )
    response["Content-Disposition"] = f'attachment; filename="attest-{registration.pk}.pdf"'
    return response
