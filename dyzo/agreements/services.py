"""State changes of agreements and tariff schedules. Views and the API call only these."""

import datetime
from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.translation import gettext as _

from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.errors import AgreementError, AgreementTransitionError, TariffError
from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule
from dyzo.agreements.pricing import counted_population, proposed_annual_fee, proposed_case_fees
from dyzo.agreements.validators import validate_pdf_upload
from dyzo.audit import audit
from dyzo.localgov.models import Municipality
from dyzo.notifications.services import notify

TERMS = ["party", "form", "starts_on", "ends_on", "annual_fee"]
TERMS += ["fee_enterprise_scan", "fee_social_pre_investigation"]
EDITABLE = [*TERMS, "notes"]


def _check_terms(agreement: Agreement) -> None:
    if agreement.party not in AgreementParty.values:
        raise AgreementError(_("Choose the gemeente, the OCMW or both as party."))
    if agreement.form not in AgreementForm.values:
        raise AgreementError(_("Choose an annual subscription or payment per case."))
    if agreement.ends_on and agreement.ends_on < agreement.starts_on:
        raise AgreementError(_("An agreement cannot end before it starts."))
    if not agreement.municipality.existed_on(agreement.starts_on):
        raise AgreementError(
            _("%(name)s did not exist on %(date)s.")
            % {"name": agreement.municipality.name, "date": agreement.starts_on.isoformat()}
        )
    fees = [agreement.annual_fee, agreement.fee_enterprise_scan]
    fees.append(agreement.fee_social_pre_investigation)
    if any(fee is not None and fee < 0 for fee in fees):
        raise AgreementError(_("A fee cannot be negative."))


def _fill_proposed_fees(agreement: Agreement) -> None:
    """A subscription without a fee gets the tariff of its start year; per case likewise."""
    if agreement.form == AgreementForm.ANNUAL:
        agreement.fee_enterprise_scan = agreement.fee_social_pre_investigation = None
        if agreement.annual_fee is None:
            agreement.annual_fee = proposed_annual_fee(agreement.municipality, agreement.starts_on)
            # Said to the user and kept in the audit entry: which count the price rests on.
            agreement.proposed_from = counted_population(
                agreement.municipality, agreement.starts_on.year
            )
        return
    agreement.annual_fee = None
    for field, price in proposed_case_fees(agreement.starts_on).items():
        if getattr(agreement, field) is None:
            setattr(agreement, field, price)


@transaction.atomic
def create_agreement(
    municipality,
    *,
    actor,
    party: str,
    form: str,
    starts_on: datetime.date,
    ends_on: datetime.date | None = None,
    annual_fee: Decimal | None = None,
    fee_enterprise_scan: Decimal | None = None,
    fee_social_pre_investigation: Decimal | None = None,
    notes: str = "",
) -> Agreement:
    """A draft agreement; fees left empty are proposed from the tariffs of the start year."""
    agreement = Agreement(
        municipality=municipality,
        party=party,
        form=form,
        starts_on=starts_on,
        ends_on=ends_on,
        annual_fee=annual_fee,
        fee_enterprise_scan=fee_enterprise_scan,
        fee_social_pre_investigation=fee_social_pre_investigation,
        notes=notes,
    )
    _check_terms(agreement)
    _fill_proposed_fees(agreement)
    agreement.save()
    data = _terms_of(agreement)
    if counted := getattr(agreement, "proposed_from", None):
        data["population"] = {"inhabitants": counted.inhabitants, "year": counted.year}
    audit.log(agreement, "agreement.created", actor=actor, data=data)
    return agreement


@transaction.atomic
def update_agreement(agreement: Agreement, *, actor, **changes) -> Agreement:
    """Change the terms of a draft or proposed agreement; of a signed one only the notes."""
    unknown = set(changes) - set(EDITABLE)
    if unknown:
        raise AgreementError(_("These fields cannot be changed: %s") % ", ".join(sorted(unknown)))
    changed = {
        field: value for field, value in changes.items() if getattr(agreement, field) != value
    }
    if agreement.is_signed and set(changed) - {"notes"}:
        raise AgreementTransitionError(
            _("A signed agreement's terms cannot be changed; terminate it and make a new one.")
        )
    for field, value in changed.items():
        setattr(agreement, field, value)
    _check_terms(agreement)
    if not changed:
        return agreement
    fields = set(changed)
    if "form" in changed:
        # The fees of the other form go (a per-case agreement keeps no annual fee, and back);
        # the new form's empty fees are proposed from the tariffs, as at creation.
        _fill_proposed_fees(agreement)
        fields |= {"annual_fee", "fee_enterprise_scan", "fee_social_pre_investigation"}
    agreement.save(update_fields=[*sorted(fields), "updated_at"])
    audit.log(agreement, "agreement.updated", actor=actor, data={"fields": sorted(changed)})
    return agreement


def _check_fees_set(agreement: Agreement) -> None:
    if agreement.form == AgreementForm.ANNUAL and agreement.annual_fee is None:
        raise AgreementError(_("Set the annual fee first."))
    no_case_fee = agreement.fee_enterprise_scan is None
    no_case_fee = no_case_fee and agreement.fee_social_pre_investigation is None
    if agreement.form == AgreementForm.PAY_PER_CASE and no_case_fee:
        raise AgreementError(_("Set at least one fee per case first."))


@transaction.atomic
def propose_agreement(agreement: Agreement, *, actor) -> Agreement:
    """Mark a draft as sent to the municipality."""
    if agreement.status != AgreementStatus.DRAFT:
        raise AgreementTransitionError(_("Only a draft agreement can be proposed."))
    _check_fees_set(agreement)
    agreement.status = AgreementStatus.PROPOSED
    agreement.save(update_fields=["status", "updated_at"])
    audit.log(agreement, "agreement.proposed", actor=actor)
    return agreement


def _overlapping_signed(agreement: Agreement):
    """Signed agreements of the same municipality and form whose period overlaps this one
    and whose parties overlap (the same party, or 'both' on either side)."""
    parties = Q(party=agreement.party) | Q(party=AgreementParty.BOTH)
    if agreement.party == AgreementParty.BOTH:
        parties = Q()
    others = Agreement.objects.signed().filter(
        parties, municipality=agreement.municipality, form=agreement.form
    )
    others = others.exclude(pk=agreement.pk).filter(
        Q(ends_on__isnull=True) | Q(ends_on__gte=agreement.starts_on)
    )
    if agreement.ends_on:
        others = others.filter(starts_on__lte=agreement.ends_on)
    return others


@transaction.atomic
def sign_agreement(
    agreement: Agreement,
    *,
    actor,
    signed_on: datetime.date,
    document=None,
    without_document: bool = False,
) -> Agreement:
    """Record the signature. The signed PDF is required, given here or attached before,
    unless `without_document` confirms that the paper is kept elsewhere."""
    if agreement.status not in (AgreementStatus.DRAFT, AgreementStatus.PROPOSED):
        raise AgreementTransitionError(_("Only a draft or proposed agreement can be signed."))
    if signed_on is None or signed_on > datetime.date.today():
        raise AgreementError(_("Give the date of signing; it cannot be in the future."))
    _check_fees_set(agreement)
    if document is None and not agreement.document and not without_document:
        raise AgreementError(_("Attach the signed PDF or confirm signing without it."))
    # The overlap check and the signature are one step: lock the municipality's row so that
    # two signings for it run one after the other, the second seeing the first.
    Municipality.objects.select_for_update().get(pk=agreement.municipality_id)
    if _overlapping_signed(agreement).exists():
        raise AgreementError(
            _("This municipality already has a signed agreement of this form for that period.")
        )
    if document is not None:
        _store_document(agreement, document)
    agreement.status = AgreementStatus.SIGNED
    agreement.signed_on = signed_on
    agreement.save(update_fields=["status", "signed_on", "document", "updated_at"])
    audit.log(
        agreement,
        "agreement.signed",
        actor=actor,
        data={"signed_on": signed_on.isoformat(), "without_document": not agreement.document},
    )
    notify("agreement.signed", agreement, actor=actor)
    return agreement


@transaction.atomic
def terminate_agreement(agreement: Agreement, *, actor, ends_on: datetime.date) -> Agreement:
    """End a signed agreement on `ends_on` (inclusive); it stays counted until then."""
    if agreement.status != AgreementStatus.SIGNED:
        raise AgreementTransitionError(_("Only a signed agreement can be terminated."))
    if ends_on is None or ends_on < agreement.starts_on:
        raise AgreementError(_("An agreement cannot end before it starts."))
    if agreement.ends_on and ends_on > agreement.ends_on:
        raise AgreementError(_("Terminating cannot extend the agreement beyond its end date."))
    agreement.status = AgreementStatus.TERMINATED
    agreement.ends_on = ends_on
    agreement.save(update_fields=["status", "ends_on", "updated_at"])
    audit.log(agreement, "agreement.terminated", actor=actor, data={"ends_on": str(ends_on)})
    return agreement


def _store_document(agreement: Agreement, document) -> None:
    try:
        validate_pdf_upload(document)
    except ValidationError as exc:
        raise AgreementError(exc.messages[0])
    name = f"agreement-{agreement.municipality.nis_code}-{agreement.pk}.pdf"
    agreement.document.save(name, document, save=False)


@transaction.atomic
def attach_document(agreement: Agreement, *, actor, document) -> Agreement:
    """Attach or replace the signed PDF (checked by its content, not its name)."""
    _store_document(agreement, document)
    agreement.save(update_fields=["document", "updated_at"])
    audit.log(agreement, "agreement.document_attached", actor=actor)
    return agreement


def _terms_of(agreement: Agreement) -> dict:
    return {field: str(getattr(agreement, field)) for field in TERMS}


# Tariff schedules.


def _check_brackets(brackets: list[dict]) -> None:
    if not brackets:
        raise TariffError(_("A tariff schedule needs at least one population bracket."))
    ordered = sorted(brackets, key=lambda bracket: bracket["population_from"])
    for bracket in ordered:
        upper = bracket.get("population_to")
        if upper is not None and upper < bracket["population_from"]:
            raise TariffError(_("A bracket cannot end below its start."))
        if bracket["annual_price"] < 0:
            raise TariffError(_("A price cannot be negative."))
    for lower, higher in zip(ordered, ordered[1:], strict=False):
        upper = lower.get("population_to")
        if upper is None or upper >= higher["population_from"]:
            raise TariffError(
                _("The brackets starting at %(a)s and %(b)s overlap.")
                % {"a": lower["population_from"], "b": higher["population_from"]}
            )
        if higher["population_from"] != upper + 1:
            raise TariffError(
                _("No bracket covers %(a)s to %(b)s inhabitants.")
                % {"a": upper + 1, "b": higher["population_from"] - 1}
            )
    # Every population must have a price: from 0 up, with no end.
    if ordered[0]["population_from"] != 0:
        raise TariffError(_("The first bracket must start at 0 inhabitants."))
    if ordered[-1].get("population_to") is not None:
        raise TariffError(_("The last bracket must have no upper limit."))


def _check_schedule(schedule: TariffSchedule, brackets: list[dict]) -> None:
    if schedule.price_enterprise_scan < 0 or schedule.price_social_pre_investigation < 0:
        raise TariffError(_("A price cannot be negative."))
    taken = TariffSchedule.objects.filter(year=schedule.year).exclude(pk=schedule.pk)
    if taken.exists():
        raise TariffError(_("There already is a tariff schedule for %s.") % schedule.year)
    _check_brackets(brackets)


def _replace_brackets(schedule: TariffSchedule, brackets: list[dict]) -> None:
    schedule.brackets.all().delete()
    TariffBracket.objects.bulk_create(
        TariffBracket(
            schedule=schedule,
            population_from=bracket["population_from"],
            population_to=bracket.get("population_to"),
            annual_price=bracket["annual_price"],
        )
        for bracket in brackets
    )


@transaction.atomic
def save_tariff_schedule(
    schedule: TariffSchedule | None,
    *,
    actor,
    year: int,
    price_enterprise_scan: Decimal,
    price_social_pre_investigation: Decimal,
    brackets: list[dict],
) -> TariffSchedule:
    """Create (schedule None) or replace a year's schedule with exactly these brackets.

    `brackets` are dicts with population_from, population_to (None: open-ended) and
    annual_price; they may not overlap.
    """
    created = schedule is None
    schedule = schedule or TariffSchedule()
    schedule.year = year
    schedule.price_enterprise_scan = price_enterprise_scan
    schedule.price_social_pre_investigation = price_social_pre_investigation
    _check_schedule(schedule, brackets)
    schedule.save()
    _replace_brackets(schedule, brackets)
    event = "tariff_schedule.created" if created else "tariff_schedule.changed"
    audit.log(schedule, event, actor=actor, data={"year": year, "brackets": len(brackets)})
    return schedule
