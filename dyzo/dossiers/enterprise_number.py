"""The Belgian enterprise number (KBO/BCE): 10 digits, the last two a mod-97 check."""

from stdnum.be import vat
from stdnum.exceptions import ValidationError as StdnumError

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def clean_enterprise_number(value: str) -> str:
    """The compact 10-digit form of `value`, or a ValidationError with a clear message."""
    try:
        return vat.validate(value)
    except StdnumError:
        raise ValidationError(
            _("%(value)s is not a valid enterprise number (10 digits, for example 0403.170.701).")
            % {"value": value},
            code="invalid_enterprise_number",
        )


def format_enterprise_number(compact: str) -> str:
    """0403170701 -> 0403.170.701 (the way the KBO writes it)."""
    if len(compact) != 10:
        return compact
    return f"{compact[:4]}.{compact[4:7]}.{compact[7:]}"
