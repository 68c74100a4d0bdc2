"""Who may see which invoice. Finance (coordinators by default) sees and manages all; a
municipal worker sees the issued invoices of their own parties; others nothing. Reads of
invoices are audited by the views' declarations (`dyzo.audit.reads`: one entry per
successful GET), not here, so a read is never logged twice."""

from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404

from dyzo.billing.models import Invoice
from dyzo.utils.access import login_and_permission_required

finance_required = login_and_permission_required("billing.finance")
invoices_required = login_and_permission_required("billing.view_invoice")


def get_invoice_for_user(user, pk, *, manage: bool = False) -> Invoice:
    """The invoice if visible (404 otherwise); 403 when `manage` is asked by a user without
    the finance permission."""
    invoice = get_object_or_404(
        Invoice.objects.visible_to(user).select_related(
            "buyer", "municipality", "credited_invoice"
        ),
        pk=pk,
    )
    if manage and not user.has_perm("billing.finance"):
        raise PermissionDenied
    return invoice
