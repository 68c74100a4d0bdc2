"""Demo contacts and decline reasons, deterministic and safe to run again.

Contacts with the municipalities of the demo agreements (a meeting, the proposal, a call),
some with a follow-up that is due; and for some municipalities without any agreement, this
year's reasons for not cooperating. Runs after the agreements demo, whose choice of
municipalities it reuses. Earlier demo rows (notes or text marked DEMO) are replaced.
"""

import datetime
import random

from dyzo.accounts.models import User
from dyzo.agreements.demo import demo_municipalities
from dyzo.localgov.models import Municipality
from dyzo.outreach import services
from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.models import Contact, DeclineReason

SEED = 2027
DEMO = "(demo)"
DECLINING = 24
CONTACTS = [
    (ContactKind.MEETING, "Kennismaking met de sociale dienst: uitleg over de werking van Dyzo."),
    (ContactKind.PROPOSAL_SENT, "Voorstel van overeenkomst en offerte verstuurd."),
    (ContactKind.CALL, "Telefonisch overleg over de begroting van volgend jaar."),
    (ContactKind.TRAINING_GIVEN, "Vorming voor maatschappelijk werkers: signalen herkennen."),
    (ContactKind.MAIL, "Vragen over de tarieven beantwoord."),
]
WHO = [
    "Diensthoofd sociale dienst",
    "Algemeen directeur",
    "Schepen van sociale zaken",
    "OCMW-voorzitter",
]
OTHER_REASONS = ["Werkt met een eigen schuldhulpverlener", "Wacht op de nieuwe meerjarenplanning"]


def _contacts_for(municipality, rng, today, actor) -> int:
    created = 0
    for offset, (kind, note) in enumerate(rng.sample(CONTACTS, rng.randint(1, 3))):
        happened_on = today - datetime.timedelta(days=rng.randint(5, 300) + offset)
        follow_up = None
        roll = rng.random()
        if roll < 0.3:
            follow_up = today - datetime.timedelta(days=rng.randint(0, 4))  # due
        elif roll < 0.6:
            follow_up = today + datetime.timedelta(days=rng.randint(3, 60))
        contact = services.create_contact(
            municipality,
            actor=actor,
            kind=kind,
            happened_on=happened_on,
            with_whom=rng.choice(WHO),
            notes=f"{note} {DEMO}",
            follow_up_on=max(follow_up, happened_on) if follow_up else None,
        )
        if follow_up and rng.random() < 0.2:
            services.mark_follow_up_done(contact, actor=actor)
        created += 1
    return created


def _reasons_for(municipality, rng, year, actor) -> int:
    codes = rng.sample(
        [DeclineReasonCode.COST_TOO_HIGH, DeclineReasonCode.NO_NEED_PERCEIVED]
        + [DeclineReasonCode.HELPS_TARGET_GROUP_ITSELF, DeclineReasonCode.OTHER],
        rng.choice([1, 1, 2]),
    )
    for code in codes:
        text = f"{rng.choice(OTHER_REASONS)} {DEMO}" if code == DeclineReasonCode.OTHER else ""
        services.add_decline_reason(municipality, actor=actor, year=year, code=code, text=text)
    return len(codes)


def build_demo(stdout) -> None:
    today = datetime.date.today()
    rng = random.Random(SEED)
    actor = User.objects.filter(username="coordinator").first()
    Contact.objects.filter(notes__endswith=DEMO).delete()
    groups = demo_municipalities(today.year)
    partners = [m for group in groups.values() for m in group]
    contacts = sum(_contacts_for(m, rng, today, actor) for m in partners[::2] + groups["draft"])
    # Chosen among the municipalities without a demo agreement, from the registry alone,
    # so that running again picks the same ones and replaces their reasons.
    others = Municipality.objects.of_year(today.year).exclude(pk__in=[m.pk for m in partners])
    declining = rng.sample(list(others.order_by("nis_code")), DECLINING)
    DeclineReason.objects.filter(
        year=today.year, imported=False, municipality__in=declining
    ).delete()
    reasons = sum(_reasons_for(m, rng, today.year, actor) for m in declining)
    stdout.write(f"Outreach: {contacts} demo contacts, {reasons} reasons for not cooperating.")
