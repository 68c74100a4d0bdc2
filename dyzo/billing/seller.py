"""Dyzo's own details as seller, from settings (DYZO_BILLING_*), validated once per use.

They are copied into each invoice when it is issued, so a later change of address or bank
account never alters an issued invoice.
"""

import dataclasses
from decimal import Decimal

from stdnum import bic as stdnum_bic
from stdnum import iban as stdnum_iban
from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

from dyzo.billing.constants import VatCategory


@dataclasses.dataclass(frozen=True)
class Seller:
    name: str
    enterprise_number: str
    street: str
    postal_code: str
    city: str
    iban: str
    bic: str
    email: str
    vat_category: str
    vat_rate: Decimal
    vat_exemption_reason: str
    payment_days: int

    @property
    def vat_number(self) -> str:
        return f"BE{self.enterprise_number}"

    def as_dict(self) -> dict:
        data = dataclasses.asdict(self)
        data["vat_rate"] = str(self.vat_rate)
        return data


def seller() -> Seller:
    """Dyzo's details from settings; ImproperlyConfigured names the first wrong one."""
    raw = dict(settings.DYZO_BILLING_SELLER)
    try:
        raw["enterprise_number"] = vat.validate(raw["enterprise_number"])
        raw["iban"] = stdnum_iban.validate(raw["iban"])
        raw["bic"] = stdnum_bic.validate(raw["bic"])
    except StdnumError as error:
        raise ImproperlyConfigured(f"DYZO_BILLING_SELLER: {error}") from error
    if raw["vat_category"] not in VatCategory.values:
        raise ImproperlyConfigured("DYZO_BILLING_SELLER: vat_category must be E or S")
    raw["vat_rate"] = (
        Decimal(raw["vat_rate"]) if raw["vat_category"] == VatCategory.STANDARD else Decimal(0)
    )
    if raw["vat_category"] == VatCategory.EXEMPT and not raw["vat_exemption_reason"]:
        raise ImproperlyConfigured("DYZO_BILLING_SELLER: an exempt seller needs a reason")
    return Seller(**raw)
