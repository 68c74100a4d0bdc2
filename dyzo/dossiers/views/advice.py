from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.dossiers import services
from dyzo.dossiers.access import get_advice_for_user, may_change_advice, needs
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.forms import AdviceEntryForm, AdviceFilterForm
from dyzo.dossiers.models import AdviceEntry
from dyzo.utils.pagination import capped_count, keyset_page, sorting

# By date both ways, on the (-asked_on, -id) index.
ADVICE_SORTS = {"asked_on": ["asked_on", "id"]}


@audits_read("advice.listed")
@needs("dossiers.view_adviceentry")
def advice_list(request):
    form = AdviceFilterForm(request.GET, user=request.user)
    form.is_valid()
    queryset = form.filter(AdviceEntry.objects.visible_to(request.user).logged())
    sort = sorting(request, ADVICE_SORTS, default="-asked_on")
    page = keyset_page(
        queryset.select_related("municipality", "handled_by"), sort.fields, request.GET.get("after")
    )
    shown(request, page.items)
    template = "dossiers/_advice_rows.html" if request.htmx else "dossiers/advice_list.html"
    context = {"form": form, "page": page, "sort": sort, "count": capped_count(queryset)}
    return render(request, template, context)


@audits_read("advice.viewed", model=AdviceEntry)
@needs("dossiers.view_adviceentry")
def advice_detail(request, pk):
    entry = get_advice_for_user(request.user, pk)
    context = {"entry": entry, "can_change": may_change_advice(request.user, entry)}
    return render(request, "dossiers/advice_detail.html", context)


def _save(request, form, save):
    if request.method == "POST" and form.is_valid():
        try:
            entry = save(form.cleaned_data)
        except DossierError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Advice saved."))
            return redirect("dossiers:advice_detail", pk=entry.pk)
    return None


@shows_no_personal_data
@needs("dossiers.add_adviceentry")
def advice_create(request):
    form = AdviceEntryForm(request.POST or None)
    response = _save(request, form, lambda data: services.log_advice(data, actor=request.user))
    return response or render(request, "dossiers/advice_form.html", {"form": form})


@audits_read("advice.viewed", model=AdviceEntry)
@needs("dossiers.change_adviceentry")
def advice_edit(request, pk):
    entry = get_advice_for_user(request.user, pk, change=True)
    form = AdviceEntryForm(request.POST or None, instance=entry)
    response = _save(
        request, form, lambda data: services.update_advice(entry, data, actor=request.user)
    )
    return response or render(request, "dossiers/advice_form.html", {"form": form, "entry": entry})
