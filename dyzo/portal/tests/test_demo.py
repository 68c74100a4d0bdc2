import io

from django.core.management import call_command

from dyzo.knowledge import demo_gent
from dyzo.portal.constants import RequestStatus
from dyzo.portal.demo import REQUESTS
from dyzo.portal.models import HelpRequest


def test_demo_gives_waiting_taken_up_and_declined_requests(registry):
    call_command("load_demo", stdout=io.StringIO())
    statuses = set(HelpRequest.objects.values_list("status", flat=True))
    assert statuses == {RequestStatus.SUBMITTED, RequestStatus.TAKEN_UP, RequestStatus.DECLINED}
    taken_up = HelpRequest.objects.get(status=RequestStatus.TAKEN_UP)
    assert taken_up.dossier.referring_worker.username == "worker_gent"


def test_demo_runs_twice_without_duplicates(registry):
    call_command("load_demo", stdout=io.StringIO())
    count = HelpRequest.objects.count()
    call_command("load_demo", stdout=io.StringIO())
    # The portal's own demo requests, and those of the knowledge app's full year for Gent.
    assert HelpRequest.objects.count() == count == len(REQUESTS) + demo_gent.HELP_REQUESTS
