from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from dyzo.audit.reads import audits_read
from dyzo.dossiers.access import get_entrepreneur_for_user
from dyzo.dossiers.models import Entrepreneur
from dyzo.privacy.errors import ErasureRefused
from dyzo.privacy.export import export_entrepreneur, file_name
from dyzo.privacy.forms import ErasureForm
from dyzo.privacy.models import Anonymisation
from dyzo.privacy.services import erase_entrepreneur
from dyzo.utils.access import login_and_permission_required

can_export = login_and_permission_required("privacy.export_entrepreneur")
can_erase = login_and_permission_required("privacy.erase_entrepreneur")


@audits_read("entrepreneur.viewed", model=Entrepreneur)
@require_GET
@can_export
def entrepreneur_privacy(request, pk):
    entrepreneur = get_entrepreneur_for_user(request.user, pk)
    context = {
        "entrepreneur": entrepreneur,
        "anonymisation": Anonymisation.objects.filter(entrepreneur=entrepreneur).first(),
        "dossiers": entrepreneur.dossiers.order_by("-pk"),
        "form": ErasureForm(),
    }
    return render(request, "privacy/entrepreneur_privacy.html", context)


@audits_read("export.downloaded", model=Entrepreneur)
@require_GET
@can_export
def entrepreneur_export(request, pk):
    entrepreneur = get_entrepreneur_for_user(request.user, pk)
    content = export_entrepreneur(entrepreneur)
    response = HttpResponse(content, content_type="application/zip")
    response["Content-Disposition"] = f'attachment; filename="{file_name(entrepreneur)}"'
    return response


@require_POST
@can_erase
def entrepreneur_erase(request, pk):
    entrepreneur = get_entrepreneur_for_user(request.user, pk)
    form = ErasureForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Tick the confirmation to erase."))
    else:
        try:
            erase_entrepreneur(entrepreneur, actor=request.user)
            messages.success(request, _("The personal data has been erased."))
        except ErasureRefused as exc:
            messages.error(request, str(exc))
    return redirect("privacy:entrepreneur_privacy", pk=entrepreneur.pk)
