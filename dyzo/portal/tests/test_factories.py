import pytest

from dyzo.portal.constants import RequestKind, RequestStatus
from dyzo.portal.tests.factories import HelpRequestFactory


@pytest.mark.parametrize(
    ("traits", "status", "kind"),
    [
        ({}, RequestStatus.SUBMITTED, RequestKind.ENTERPRISE_SCAN),
        ({"social": True}, RequestStatus.SUBMITTED, RequestKind.SOCIAL_PRE_INVESTIGATION),
        ({"question_for_advice": True}, RequestStatus.SUBMITTED, RequestKind.REMOTE_ADVICE),
        ({"taken_up": True}, RequestStatus.TAKEN_UP, RequestKind.ENTERPRISE_SCAN),
        ({"answered": True}, RequestStatus.ANSWERED, RequestKind.REMOTE_ADVICE),
        ({"declined": True}, RequestStatus.DECLINED, RequestKind.ENTERPRISE_SCAN),
    ],
)
def test_each_trait_builds(registry, traits, status, kind):
    help_request = HelpRequestFactory(**traits)

    assert help_request.status == status
    assert help_request.kind == kind
    if status == RequestStatus.TAKEN_UP:
        assert help_request.dossier.municipality == help_request.municipality
    if status == RequestStatus.ANSWERED:
        assert help_request.advice_entry.municipality == help_request.municipality
