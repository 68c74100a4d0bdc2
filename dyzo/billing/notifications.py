"""The notification events of billing: an invoice (or credit note) issued and a payment
reminder sent, told in the app to the workers of the buyer's party who may see the invoice
(docs/notifications.md). Loaded by BillingConfig.ready(); the services call `notify` in
their transaction. The PDF for the party's invoice address goes through the outbox."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.notifications.registry import Event, register


def party_workers(invoice):
    """The workers of the gemeente or OCMW the invoice is addressed to."""
    return User.objects.filter(
        role=Role.MUNICIPAL_WORKER, parties=invoice.buyer.party_id
    ).distinct()


def _params(invoice) -> dict:
    return {"number": invoice.number, "party": invoice.buyer.legal_name}


def _url(invoice) -> str:
    return reverse("billing:invoice_detail", args=[invoice.pk])


register(
    Event(
        code="invoice.issued",
        message=_("Dyzo issued %(number)s to %(party)s."),
        recipients=party_workers,
        params=_params,
        url=_url,
    )
)
register(
    Event(
        code="invoice.reminded",
        message=_("Dyzo sent %(party)s a payment reminder for invoice %(number)s."),
        recipients=party_workers,
        params=_params,
        url=_url,
    )
)
