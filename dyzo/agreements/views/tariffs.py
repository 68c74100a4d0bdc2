from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dyzo.agreements import services
from dyzo.agreements.access import (
    can_manage_tariffs,
    can_view_tariffs,
    get_tariff_schedule_for_user,
)
from dyzo.agreements.errors import TariffError
from dyzo.agreements.forms import TariffBracketFormSet, TariffScheduleForm, brackets_from
from dyzo.agreements.models import TariffSchedule
from dyzo.audit.reads import shows_no_personal_data


@shows_no_personal_data
@can_view_tariffs
def tariff_list(request):
    schedules = TariffSchedule.objects.prefetch_related("brackets")
    return render(request, "agreements/tariff_list.html", {"schedules": schedules})


@shows_no_personal_data
@can_manage_tariffs
def tariff_create(request):
    return _edit(request, TariffSchedule())


@shows_no_personal_data
@can_manage_tariffs
def tariff_edit(request, year):
    return _edit(request, get_tariff_schedule_for_user(request.user, year, change=True))


def _edit(request, schedule):
    existing = schedule if schedule.pk else None
    form = TariffScheduleForm(request.POST or None, instance=schedule)
    formset = TariffBracketFormSet(request.POST or None, instance=schedule, prefix="brackets")
    if request.method == "POST" and form.is_valid() and formset.is_valid():
        try:
            saved = services.save_tariff_schedule(
                existing,
                actor=request.user,
                brackets=brackets_from(formset),
                **form.cleaned_data,
            )
        except TariffError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Tariffs of %s saved.") % saved.year)
            return redirect("agreements:tariff_list")
    context = {"form": form, "formset": formset, "schedule": existing}
    return render(request, "agreements/tariff_form.html", context)
