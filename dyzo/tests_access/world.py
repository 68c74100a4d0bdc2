"""A small world with one object of every kind on each side: "own" belongs to Gent (the
municipality of persona worker_of_gent, and the dossiers persona expert is on), "other"
to Aalst (another municipality, dossiers the expert is not on).

The entrepreneurs carry marker names so a test can check that no page shows them to
someone who may not see them.
"""

import datetime
import types

from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.files.base import ContentFile

from dyzo.accounts.tests.factories import UserFactory
from dyzo.agreements.tests.factories import AgreementFactory, TariffScheduleFactory
from dyzo.billing.models import Payment
from dyzo.billing.tests.factories import BillingPartyFactory, issued_invoice
from dyzo.dossiers.constants import TeamRole
from dyzo.dossiers.models import TeamMember
from dyzo.dossiers.tests.factories import (
    PDF_BYTES,
    ActivityFactory,
    AdviceEntryFactory,
    DocumentFactory,
    DossierFactory,
    EntrepreneurFactory,
)
from dyzo.knowledge.models import GuideAttachment
from dyzo.knowledge.tests.factories import (
    GuideFactory,
    RegistrationFactory,
    SurveyFactory,
    TrainingFactory,
    TriageFactory,
)
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party
from dyzo.outreach.tests.factories import ContactFactory, DeclineReasonFactory
from dyzo.portal.tests.factories import HelpRequestFactory
from dyzo.reports.tests.factories import WrittenReportFactory

PERSONAS = ("anonymous", "coordinator", "expert", "analyst", "administrator", "worker_of_gent")
MARKERS = {"own": "Zeldzaamgent", "other": "Zeldzaamaalst"}
YEAR = datetime.date.today().year


def _side(name, municipality, *, expert, worker, coordinator) -> types.SimpleNamespace:
    entrepreneur = EntrepreneurFactory(municipality=municipality, last_name=MARKERS[name])
    dossier = DossierFactory(
        municipality=municipality, entrepreneur=entrepreneur, investigation=True
    )
    report = WrittenReportFactory(
        delivered=True,
        dossier__municipality=municipality,
        dossier__entrepreneur=entrepreneur,
    )
    report.pdf.save(f"{name}.pdf", ContentFile(PDF_BYTES), save=True)
    for on_team in (dossier, report.dossier):
        TeamMember.objects.create(dossier=on_team, user=coordinator, role=TeamRole.COORDINATOR)
    members = [
        TeamMember.objects.create(dossier=on_team, user=expert, role=TeamRole.LAWYER)
        for on_team in (dossier, report.dossier)
    ]
    billing_party = BillingPartyFactory(
        party=Party.objects.get(municipality=municipality, kind=PartyKind.OCMW)
    )
    return types.SimpleNamespace(
        municipality=municipality,
        invoice=issued_invoice(billing_party),
        billing_party=billing_party.party,
        payment=Payment.objects.create(
            amount=10, paid_on=datetime.date(YEAR, 1, 2), source="bank", payer_name=name
        ),
        agreement=AgreementFactory(municipality=municipality, signed=True, with_document=True),
        contact=ContactFactory(municipality=municipality, coordinator=coordinator),
        decline_reason=DeclineReasonFactory(municipality=municipality, year=YEAR - 1),
        entrepreneur=entrepreneur,
        dossier=dossier,
        team_member=members[0],
        activity=ActivityFactory(dossier=dossier, recorded_by=coordinator),
        document=DocumentFactory(dossier=dossier, uploaded_by=coordinator),
        advice=AdviceEntryFactory(municipality=municipality, handled_by=expert),
        report=report,
        report_version=report.versions.first(),
        triage=TriageFactory(municipality=municipality, completed_by=worker),
        survey=SurveyFactory(report=report, municipality=municipality),
        registration=RegistrationFactory(
            attended_past=True, municipality=municipality, worker=worker
        ),
        help_request=HelpRequestFactory(
            municipality=municipality, submitted_by=worker, entrepreneur_last_name=MARKERS[name]
        ),
    )


def _knowledge(expert) -> types.SimpleNamespace:
    """Guides belong to no municipality: one published guide with an attachment, one draft."""
    guide = GuideFactory(updated_by=expert)
    attachment = GuideAttachment(
        guide=guide,
        token="attachment.pdf",
        original_name="checklist.pdf",
        content_type="application/pdf",
        size=len(PDF_BYTES),
        uploaded_by=expert,
    )
    attachment.file.save("attachment.pdf", ContentFile(PDF_BYTES), save=True)
    return types.SimpleNamespace(
        guide=guide,
        attachment=attachment,
        draft=GuideFactory(draft=True, updated_by=expert),
        training=TrainingFactory(),
    )


def build_world(personas: dict, worker_of_aalst, gent, aalst) -> types.SimpleNamespace:
    """`personas` maps every name of PERSONAS but "anonymous" to its user."""
    other_expert = UserFactory(username="other_expert", expert=True)
    TOTPDevice.objects.create(user=personas["administrator"], name="authenticator")
    TariffScheduleFactory(year=YEAR)
    own = _side(
        "own",
        gent,
        expert=personas["expert"],
        worker=personas["worker_of_gent"],
        coordinator=personas["coordinator"],
    )
    other = _side(
        "other",
        aalst,
        expert=other_expert,
        worker=worker_of_aalst,
        coordinator=personas["coordinator"],
    )
    return types.SimpleNamespace(
        own=own,
        other=other,
        year=YEAR,
        users=personas,
        knowledge=_knowledge(personas["expert"]),
    )
