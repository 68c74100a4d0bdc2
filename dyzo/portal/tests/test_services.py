import pytest

from dyzo.audit.models import AuditEntry
from dyzo.dossiers.constants import DossierBasis, DossierStatus
from dyzo.dossiers.models import AdviceEntry, Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import EntrepreneurFactory
from dyzo.localgov.constants import PartyKind
from dyzo.localgov.models import Party
from dyzo.portal.constants import RequestKind, RequestStatus
from dyzo.portal.errors import HelpRequestError
from dyzo.portal.models import HelpRequest
from dyzo.portal.services import (
    answer_help_request,
    decline_help_request,
    submit_help_request,
    take_up_help_request,
)
from dyzo.portal.tests.factories import HelpRequestFactory


def test_submit_stores_the_request_for_the_party_with_a_compact_kbo_number(
    db, worker_of_gent, gent_ocmw, scan_request
):
    help_request = submit_help_request(scan_request, party=gent_ocmw, actor=worker_of_gent)

    assert help_request.municipality == gent_ocmw.municipality
    assert help_request.party == PartyKind.OCMW
    assert help_request.enterprise_number == "0403170701"
    assert help_request.status == RequestStatus.SUBMITTED
    assert AuditEntry.objects.filter(code="help_request.submitted").count() == 1


def test_submit_refuses_a_party_the_worker_does_not_work_for(
    db, worker_of_gent, aalst, scan_request
):
    aalst_ocmw = Party.objects.get(municipality=aalst, kind=PartyKind.OCMW)

    with pytest.raises(HelpRequestError):
        submit_help_request(scan_request, party=aalst_ocmw, actor=worker_of_gent)

    assert not HelpRequest.objects.exists()


def test_submit_refuses_an_invalid_enterprise_number(db, worker_of_gent, gent_ocmw, scan_request):
    with pytest.raises(HelpRequestError, match="0403.170.702"):
        submit_help_request(
            {**scan_request, "enterprise_number": "0403.170.702"},
            party=gent_ocmw,
            actor=worker_of_gent,
        )

    assert not HelpRequest.objects.exists()


@pytest.mark.parametrize(
    "missing", ["entrepreneur_last_name", "phase", "question"], ids=lambda name: name
)
def test_submit_of_an_on_site_request_needs_name_phase_and_question(
    db, worker_of_gent, gent_ocmw, scan_request, missing
):
    with pytest.raises(HelpRequestError):
        submit_help_request({**scan_request, missing: ""}, party=gent_ocmw, actor=worker_of_gent)


def test_submit_of_a_question_needs_the_answer_channel(db, worker_of_gent, gent_ocmw):
    data = {"kind": RequestKind.REMOTE_ADVICE, "question": "Mag het OCMW een voorschot geven?"}

    with pytest.raises(HelpRequestError):
        submit_help_request(data, party=gent_ocmw, actor=worker_of_gent)
    help_request = submit_help_request(
        {**data, "answer_channel": "mail"}, party=gent_ocmw, actor=worker_of_gent
    )

    assert help_request.kind == RequestKind.REMOTE_ADVICE


def test_only_municipal_workers_submit(db, coordinator, gent_ocmw, scan_request):
    with pytest.raises(HelpRequestError):
        submit_help_request(scan_request, party=gent_ocmw, actor=coordinator)


def test_take_up_opens_the_dossier_through_the_intake(db, coordinator, worker_of_gent, gent):
    help_request = HelpRequestFactory(
        municipality=gent, submitted_by=worker_of_gent, enterprise_number=""
    )

    take_up_help_request(help_request, actor=coordinator)

    help_request.refresh_from_db()
    dossier = help_request.dossier
    assert help_request.status == RequestStatus.TAKEN_UP
    assert help_request.handled_by == coordinator
    assert dossier.status == DossierStatus.INTAKE
    assert dossier.referring_worker == worker_of_gent
    assert dossier.municipality == gent
    assert dossier.basis == DossierBasis.NOT_COVERED
    assert dossier.help_request == help_request.question
    assert dossier.entrepreneur.last_name == help_request.entrepreneur_last_name


def test_take_up_reuses_the_entrepreneur_with_the_same_enterprise_number(
    db, coordinator, worker_of_gent, gent
):
    known = EntrepreneurFactory(municipality=gent, with_enterprise_number=True)
    help_request = HelpRequestFactory(municipality=gent, submitted_by=worker_of_gent)

    take_up_help_request(help_request, actor=coordinator)

    assert Dossier.objects.get().entrepreneur == known
    assert Entrepreneur.objects.count() == 1


def test_a_request_is_handled_once(db, coordinator, worker_of_gent, gent):
    help_request = HelpRequestFactory(municipality=gent, submitted_by=worker_of_gent)
    take_up_help_request(help_request, actor=coordinator)

    with pytest.raises(HelpRequestError):
        decline_help_request(help_request, "Toch niet.", actor=coordinator)

    assert Dossier.objects.count() == 1


def test_a_question_is_answered_into_the_advice_log(db, coordinator, worker_of_gent, gent):
    help_request = HelpRequestFactory(
        municipality=gent, submitted_by=worker_of_gent, question_for_advice=True
    )

    with pytest.raises(HelpRequestError):
        take_up_help_request(help_request, actor=coordinator)
    answer_help_request(
        help_request,
        {"topic": "Voorschot", "advice": "Ja, onder voorwaarden.", "minutes_spent": 15},
        actor=coordinator,
    )

    entry = AdviceEntry.objects.get()
    assert entry.asked_by_user == worker_of_gent
    assert entry.handled_by == coordinator
    assert entry.channel == help_request.answer_channel
    assert entry.municipality == gent
    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.ANSWERED
    assert help_request.advice_entry == entry


def test_decline_needs_a_reason(db, coordinator, worker_of_gent, gent):
    help_request = HelpRequestFactory(municipality=gent, submitted_by=worker_of_gent)

    with pytest.raises(HelpRequestError):
        decline_help_request(help_request, " ", actor=coordinator)
    decline_help_request(help_request, "Geen zelfstandige.", actor=coordinator)

    help_request.refresh_from_db()
    assert help_request.status == RequestStatus.DECLINED
    assert help_request.decline_reason == "Geen zelfstandige."
