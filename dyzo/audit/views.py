from django.shortcuts import render
from django.views.decorators.http import require_GET

from dyzo.audit.forms import AuditFilterForm
from dyzo.audit.models import AuditEntry
from dyzo.audit.reads import audits_read
from dyzo.utils.access import login_and_permission_required
from dyzo.utils.pagination import keyset_page


@audits_read("audit.listed")
@require_GET
@login_and_permission_required("audit.view_auditentry")
def entry_list(request):
    """The trail, newest first, for one object (?content_type=dossiers.dossier&object_id=12),
    one user (?actor=7) or all. Audit rows hold no personal data, so reading them is not
    itself logged."""
    form = AuditFilterForm(request.GET)
    form.is_valid()  # Invalid filters are shown as errors and left out.
    queryset = form.filter(AuditEntry.objects.select_related("content_type"))
    page = keyset_page(queryset, ["-id"], request.GET.get("after"), size=50)
    template = "audit/_entry_rows.html" if request.htmx else "audit/entry_list.html"
    return render(request, template, {"form": form, "page": page})
