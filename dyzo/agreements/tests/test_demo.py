import datetime
import io

from dyzo.agreements import demo
from dyzo.agreements.constants import AgreementForm, AgreementParty, AgreementStatus
from dyzo.agreements.models import Agreement, TariffSchedule
from dyzo.outreach import demo as outreach_demo
from dyzo.outreach.models import Contact, DeclineReason

THIS_YEAR = datetime.date.today().year


def run_demo():
    demo.build_demo(io.StringIO())
    outreach_demo.build_demo(io.StringIO())


def state():
    agreements = sorted(
        Agreement.objects.values_list("municipality__nis_code", "form", "party", "status")
    )
    contacts = sorted(Contact.objects.values_list("municipality__nis_code", "kind", "notes"))
    reasons = sorted(DeclineReason.objects.values_list("municipality__nis_code", "code", "text"))
    return agreements, contacts, reasons


def test_demo_builds_tariffs_agreements_contacts_and_reasons(registry, coordinator):
    run_demo()
    assert list(TariffSchedule.objects.order_by("year").values_list("year", flat=True)) == list(
        range(2018, THIS_YEAR + 1)
    )
    gent = Agreement.objects.get(municipality__nis_code="44021")
    assert (gent.form, gent.party, gent.status) == (
        AgreementForm.ANNUAL,
        AgreementParty.OCMW,
        AgreementStatus.SIGNED,
    )
    assert gent.annual_fee == TariffSchedule.objects.get(
        year=gent.starts_on.year
    ).subscription_price_for(263927)
    aalst = Agreement.objects.get(municipality__nis_code="41002")
    assert (aalst.form, aalst.status) == (AgreementForm.PAY_PER_CASE, AgreementStatus.SIGNED)
    in_force = Agreement.objects.in_force_during(THIS_YEAR)
    assert 45 <= in_force.values("municipality").distinct().count() <= 60
    assert {a.party for a in in_force.of_form(AgreementForm.ANNUAL)} == set(AgreementParty)
    assert Agreement.objects.filter(status=AgreementStatus.PROPOSED).count() == 5
    assert Agreement.objects.filter(status=AgreementStatus.TERMINATED).count() == 1
    assert Contact.objects.follow_ups_due().exists()
    declining = DeclineReason.objects.filter(year=THIS_YEAR).values("municipality").distinct()
    assert declining.count() == 24


def test_demo_runs_again_to_the_same_state(registry, coordinator):
    run_demo()
    first = state()
    run_demo()
    assert state() == first
