import datetime

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.localgov.access import get_municipality_for_user
from dyzo.localgov.models import Municipality
from dyzo.outreach import services
from dyzo.outreach.access import (
    can_add_contacts,
    can_view_contacts,
    can_view_reasons,
    get_contact_for_user,
    get_decline_reason_for_user,
    may_read_notes,
    visible_contacts,
)
from dyzo.outreach.errors import OutreachError
from dyzo.outreach.forms import ContactFilterForm, ContactForm, DeclineReasonForm
from dyzo.outreach.models import Contact, DeclineReason
from dyzo.utils.pagination import capped_count, keyset_page, sorting

LIST_ORDER = ["-happened_on", "-id"]
# By date both ways, on the (happened_on, id) index; the newest first by default.
CONTACT_SORTS = {"happened_on": ["happened_on", "id"]}


@audits_read("contact.listed")
@can_view_contacts
def contact_list(request):
    form = ContactFilterForm(request.GET)
    form.is_valid()
    queryset = form.filter(visible_contacts(request.user))
    sort = sorting(request, CONTACT_SORTS, default="-happened_on")
    page = keyset_page(queryset, sort.fields, request.GET.get("after"))
    shown(request, page.items)
    context = {
        "form": form,
        "page": page,
        "sort": sort,
        "count": capped_count(queryset),
        "show_notes": may_read_notes(request.user),
    }
    template = "outreach/_contact_rows.html" if request.htmx else "outreach/contact_list.html"
    return render(request, template, context)


@audits_read("contact.listed")
@can_view_contacts
def follow_ups_due(request):
    """Follow-ups due today or earlier; by default those of the user, `?all=1` for everyone's."""
    everyone = request.GET.get("all") == "1"
    queryset = visible_contacts(request.user).follow_ups_due()
    if not everyone:
        queryset = queryset.filter(coordinator=request.user)
    contacts = queryset.order_by("follow_up_on", "id")
    context = {"contacts": contacts, "everyone": everyone, "today": datetime.date.today()}
    return render(request, "outreach/follow_ups.html", context)


@shows_no_personal_data
@can_add_contacts
def contact_create(request):
    initial = {}
    if nis_code := request.GET.get("municipality"):
        initial["municipality"] = get_object_or_404(Municipality, nis_code=nis_code)
    form = ContactForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            services.create_contact(data.pop("municipality"), actor=request.user, **data)
        except OutreachError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Contact saved."))
            return redirect("outreach:contact_list")
    return render(request, "outreach/contact_form.html", {"form": form})


@audits_read("contact.viewed", model=Contact)
@can_view_contacts
def contact_edit(request, pk):
    contact = get_contact_for_user(request.user, pk, change=True)
    form = ContactForm(request.POST or None, instance=contact)
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        data["coordinator"] = data["coordinator"] or contact.coordinator
        try:
            services.update_contact(contact, actor=request.user, **data)
        except OutreachError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Contact saved."))
            return redirect("outreach:contact_list")
    return render(request, "outreach/contact_form.html", {"form": form, "contact": contact})


@require_POST
@can_view_contacts
def follow_up_done(request, pk):
    contact = get_contact_for_user(request.user, pk, change=True)
    try:
        services.mark_follow_up_done(contact, actor=request.user)
    except OutreachError as error:
        messages.error(request, str(error))
    if request.htmx:
        return render(request, "outreach/_follow_up_done.html", {"contact": contact})
    return redirect(request.POST.get("next") or "outreach:follow_ups")


@shows_no_personal_data
@can_view_reasons
def decline_reasons(request, nis_code):
    municipality = get_municipality_for_user(request.user, nis_code)
    form = DeclineReasonForm(request.POST or None, initial={"year": datetime.date.today().year})
    if request.method == "POST":
        if not request.user.has_perm("outreach.add_declinereason"):
            raise PermissionDenied
        if form.is_valid():
            try:
                services.add_decline_reason(municipality, actor=request.user, **form.cleaned_data)
            except OutreachError as error:
                form.add_error(None, str(error))
            else:
                messages.success(request, _("Reason added."))
                return redirect("outreach:decline_reasons", nis_code=nis_code)
    reasons = DeclineReason.objects.visible_to(request.user).filter(municipality=municipality)
    context = {"municipality": municipality, "reasons": reasons, "form": form}
    return render(request, "outreach/decline_reasons.html", context)


@require_POST
@can_view_reasons
def decline_reason_delete(request, pk):
    reason = get_decline_reason_for_user(request.user, pk, delete=True)
    nis_code = reason.municipality.nis_code
    services.remove_decline_reason(reason, actor=request.user)
    messages.success(request, _("Reason removed."))
    return redirect("outreach:decline_reasons", nis_code=nis_code)
