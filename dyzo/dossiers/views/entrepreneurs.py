from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.dossiers import services
from dyzo.dossiers.access import get_entrepreneur_for_user, needs
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.forms import EntrepreneurFilterForm, EntrepreneurForm
from dyzo.dossiers.models import Dossier, Entrepreneur
from dyzo.utils.pagination import capped_count, keyset_page, sorting

# By name both ways, on the (last_name, first_name, id) index.
ENTREPRENEUR_SORTS = {"name": ["last_name", "first_name", "id"]}


@audits_read("entrepreneur.listed")
@needs("dossiers.view_entrepreneur")
def entrepreneur_list(request):
    form = EntrepreneurFilterForm(request.GET)
    form.is_valid()
    queryset = Entrepreneur.objects.visible_to(request.user).search(
        form.cleaned_data.get("q") or ""
    )
    sort = sorting(request, ENTREPRENEUR_SORTS, default="name")
    queryset = queryset.select_related("municipality")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"))
    shown(request, page.items)
    template = (
        "dossiers/_entrepreneur_rows.html" if request.htmx else "dossiers/entrepreneur_list.html"
    )
    count = capped_count(queryset, searched=bool(form.cleaned_data.get("q")))
    context = {"form": form, "page": page, "sort": sort, "count": count}
    return render(request, template, context)


@audits_read("entrepreneur.viewed", model=Entrepreneur)
@needs("dossiers.view_entrepreneur")
def entrepreneur_detail(request, pk):
    entrepreneur = get_entrepreneur_for_user(request.user, pk)
    dossiers = Dossier.objects.visible_to(request.user).filter(entrepreneur=entrepreneur)
    context = {
        "entrepreneur": entrepreneur,
        "dossiers": dossiers.select_related("municipality").distinct(),
        "can_change": request.user.has_perm("dossiers.change_entrepreneur"),
    }
    return render(request, "dossiers/entrepreneur_detail.html", context)


def _save(request, form, save):
    if request.method == "POST" and form.is_valid():
        try:
            entrepreneur = save(form.cleaned_data)
        except DossierError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Entrepreneur saved."))
            return redirect("dossiers:entrepreneur_detail", pk=entrepreneur.pk)
    return None


@shows_no_personal_data
@needs("dossiers.add_entrepreneur")
def entrepreneur_create(request):
    form = EntrepreneurForm(request.POST or None)
    response = _save(
        request, form, lambda data: services.create_entrepreneur(data, actor=request.user)
    )
    return response or render(request, "dossiers/entrepreneur_form.html", {"form": form})


@audits_read("entrepreneur.viewed", model=Entrepreneur)
@needs("dossiers.change_entrepreneur")
def entrepreneur_edit(request, pk):
    entrepreneur = get_entrepreneur_for_user(request.user, pk, change=True)
    form = EntrepreneurForm(request.POST or None, instance=entrepreneur)
    response = _save(
        request,
        form,
        lambda data: services.update_entrepreneur(entrepreneur, data, actor=request.user),
    )
    context = {"form": form, "entrepreneur": entrepreneur}
    return response or render(request, "dossiers/entrepreneur_form.html", context)
