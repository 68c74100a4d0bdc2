from django.contrib import messages
from django.http import FileResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST, require_safe

from dyzo.audit.reads import audits_read, shows_no_personal_data
from dyzo.knowledge import services
from dyzo.knowledge.access import get_attachment_for_user, get_guide_for_user
from dyzo.knowledge.errors import GuideError
from dyzo.knowledge.forms import AttachmentForm, GuideForm, SearchForm
from dyzo.knowledge.models import Guide
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.pagination import keyset_page

PAGE_SIZE = 25
LIST_ORDER = ["topic__position", "title", "id"]


@shows_no_personal_data
@login_and_permission_required("knowledge.view_guide")
def guide_list(request):
    form = SearchForm(request.GET or None)
    queryset = Guide.objects.readable_by(request.user).select_related("topic")
    context = {"form": form, "page": None, "results": None}
    if form.is_valid() and form.cleaned_data["topic"]:
        queryset = queryset.filter(topic=form.cleaned_data["topic"])
    if form.is_valid() and form.cleaned_data["q"].strip():
        context["results"] = list(queryset.search(form.cleaned_data["q"]))
    else:
        context["page"] = keyset_page(queryset, LIST_ORDER, request.GET.get("after"), PAGE_SIZE)
    return render(request, "knowledge/guide_list.html", context)


@shows_no_personal_data
@require_safe
@login_and_permission_required("knowledge.view_guide")
def guide_detail(request, pk):
    guide = get_guide_for_user(request.user, pk)
    services.record_read(guide, reader=request.user)
    context = {"guide": guide, "attachments": list(guide.attachments.all())}
    if request.user.has_perm("knowledge.change_guide"):
        context["attachment_form"] = AttachmentForm()
    return render(request, "knowledge/guide_detail.html", context)


def _save(request, guide=None):
    form = GuideForm(request.POST or None, instance=guide)
    if request.method == "POST" and form.is_valid():
        try:
            saved = services.save_guide(
                form.cleaned_data,
                guide=guide,
                change_note=form.cleaned_data["change_note"],
                actor=request.user,
            )
        except GuideError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("The guide was saved as version %s.") % saved.version)
            return redirect("knowledge:guide_detail", pk=saved.pk)
    return render(request, "knowledge/guide_form.html", {"form": form, "guide": guide})


@shows_no_personal_data
@login_and_permission_required("knowledge.add_guide")
def guide_create(request):
    return _save(request)


@shows_no_personal_data
@login_and_permission_required("knowledge.change_guide")
def guide_edit(request, pk):
    return _save(request, get_guide_for_user(request.user, pk, change=True))


@shows_no_personal_data  # who changed a guide is staff data
@login_and_permission_required("knowledge.change_guide")
def guide_history(request, pk):
    guide = get_guide_for_user(request.user, pk, change=True)
    versions = guide.versions.select_related("changed_by")
    return render(request, "knowledge/guide_history.html", {"guide": guide, "versions": versions})


@shows_no_personal_data
@require_POST
@login_and_permission_required("knowledge.change_guide")
def attachment_upload(request, pk):
    guide = get_guide_for_user(request.user, pk, change=True)
    form = AttachmentForm(request.POST, request.FILES)
    if not form.is_valid():
        messages.error(request, _("Choose a file to attach."))
        return redirect("knowledge:guide_detail", pk=guide.pk)
    try:
        services.attach_file(guide, form.cleaned_data["file"], actor=request.user)
    except GuideError as error:
        messages.error(request, str(error))
    else:
        messages.success(request, _("The file was attached."))
    return redirect("knowledge:guide_detail", pk=guide.pk)


# No personal data, but a download is logged as before: its entry names the guide.
@audits_read("guide.attachment_downloaded", model=Guide)
@login_and_permission_required("knowledge.view_guide")
def attachment_download(request, pk, attachment_pk):
    attachment = get_attachment_for_user(request.user, pk, attachment_pk)
    return FileResponse(
        attachment.file.open("rb"),
        as_attachment=True,
        filename=attachment.original_name,
        content_type=attachment.content_type,
    )
