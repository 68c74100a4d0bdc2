from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from dyzo.audit import audit
from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Entrepreneur

FIELDS = [
    "first_name",
    "last_name",
    "date_of_birth",
    "enterprise_number",
    "legal_form",
    "sector",
    "municipality",
    "address",
    "phone",
    "email",
    "situation_notes",
]


def _normalised_number(value: str | None, *, exclude_pk=None) -> str | None:
    if not value:
        return None
    try:
        number = clean_enterprise_number(value)
    except ValidationError as exc:
        raise DossierError(exc.messages[0])
    if Entrepreneur.objects.exclude(pk=exclude_pk).filter(enterprise_number=number).exists():
        raise DossierError(_("An entrepreneur with this enterprise number already exists."))
    return number


@transaction.atomic
def create_entrepreneur(data: dict, *, actor) -> Entrepreneur:
    """Register an entrepreneur; the enterprise number is checked and stored compact."""
    values = {field: data[field] for field in FIELDS if field in data}
    values["enterprise_number"] = _normalised_number(values.get("enterprise_number"))
    entrepreneur = Entrepreneur.objects.create(**values)
    audit.log(entrepreneur, "entrepreneur.created", actor=actor)
    return entrepreneur


@transaction.atomic
def update_entrepreneur(entrepreneur: Entrepreneur, data: dict, *, actor) -> Entrepreneur:
    changed = [field for field in FIELDS if field in data]
    if "enterprise_number" in data:
        data = {
            **data,
            "enterprise_number": _normalised_number(
                data["enterprise_number"], exclude_pk=entrepreneur.pk
            ),
        }
    for field in changed:
        setattr(entrepreneur, field, data[field])
    entrepreneur.save(update_fields=changed)
    audit.log(entrepreneur, "entrepreneur.updated", actor=actor, data={"fields": changed})
    return entrepreneur
