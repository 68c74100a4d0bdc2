"""The team, activities and documents of a dossier."""

from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from dyzo.audit.reads import audits_read
from dyzo.dossiers import services
from dyzo.dossiers.access import get_document_for_user, get_dossier_for_user, needs
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.forms import ActivityForm, DocumentForm, TeamMemberForm
from dyzo.dossiers.models import Document


def _back(dossier):
    return redirect("dossiers:detail", pk=dossier.pk)


def _form_errors(request, form) -> None:
    for errors in form.errors.values():
        for error in errors:
            messages.error(request, error)


@require_POST
@needs("dossiers.manage_team")
def team_add(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = TeamMemberForm(request.POST, dossier=dossier)
    if not form.is_valid():
        _form_errors(request, form)
        return _back(dossier)
    try:
        member = services.add_team_member(dossier, form.cleaned_data["user"], actor=request.user)
    except DossierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s joined the team.") % {"name": member.user})
    return _back(dossier)


@require_POST
@needs("dossiers.manage_team")
def team_remove(request, pk, member_pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    member = get_object_or_404(dossier.team.select_related("dossier", "user"), pk=member_pk)
    try:
        services.remove_team_member(member, actor=request.user)
    except DossierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("%(name)s left the team.") % {"name": member.user})
    return _back(dossier)


@require_POST
@needs("dossiers.add_activity")
def activity_add(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = ActivityForm(request.POST, prefix="activity")
    if not form.is_valid():
        _form_errors(request, form)
        return _back(dossier)
    try:
        services.record_activity(dossier, form.cleaned_data, actor=request.user)
    except DossierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Activity recorded."))
    return _back(dossier)


@require_POST
@needs("dossiers.add_document")
def document_upload(request, pk):
    dossier = get_dossier_for_user(request.user, pk, change=True)
    form = DocumentForm(request.POST, request.FILES, prefix="document")
    if not form.is_valid():
        _form_errors(request, form)
        return _back(dossier)
    data = form.cleaned_data
    try:
        services.upload_document(dossier, data["file"], data["kind"], actor=request.user)
    except DossierError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("Document added."))
    return _back(dossier)


@audits_read("dossier.document_downloaded", model=Document, lookup="document_pk")
@needs("dossiers.view_document")
def document_download(request, pk, document_pk):
    document = get_document_for_user(request.user, document_pk)
    if document.dossier_id != pk:
        return redirect("dossiers:document", pk=document.dossier_id, document_pk=document.pk)
    return FileResponse(
        document.file.open("rb"),
        as_attachment=True,
        filename=document.original_name,
        content_type=document.content_type,
    )
