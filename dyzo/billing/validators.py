import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from dyzo.dossiers.enterprise_number import clean_enterprise_number

PEPPOL_ID = re.compile(r"^\d{4}:[A-Za-z0-9.\-_]{1,46}$")


def validate_enterprise_number(value: str) -> None:
    clean_enterprise_number(value)


def validate_peppol_id(value: str) -> None:
    """scheme:identifier, for example 0208:0207123407; for 0208 the identifier must be a
    valid enterprise number."""
    if not PEPPOL_ID.match(value or ""):
        raise ValidationError(
            _("%(value)s is not a Peppol participant id (for example 0208:0207123407).")
            % {"value": value},
            code="invalid_peppol_id",
        )
    scheme, _sep, identifier = value.partition(":")
    if scheme == "0208":
        clean_enterprise_number(identifier)
