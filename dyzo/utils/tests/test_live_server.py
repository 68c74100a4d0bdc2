"""The browser fixture's wait for the live server's requests (issue 14)."""

import threading

import pytest

from dyzo.utils.tests.live_server import RequestsInFlight


class FakeServer:
    """socketserver's threading shape: process_request starts process_request_thread."""

    def __init__(self):
        self.release = threading.Event()
        self.threads = []

    def process_request(self, request, client_address):
        thread = threading.Thread(target=self.process_request_thread, args=(request, None))
        self.threads.append(thread)
        thread.start()

    def process_request_thread(self, request, client_address):
        self.release.wait(timeout=30)


@pytest.mark.issue(14)
def test_the_wait_lasts_until_every_request_has_ended():
    server = FakeServer()
    in_flight = RequestsInFlight(server)
    server.process_request("slow htmx fragment", None)
    with pytest.raises(pytest.fail.Exception, match="1 live-server request"):
        in_flight.wait_until_none(timeout=0.2)
    server.release.set()
    in_flight.wait_until_none(timeout=30)
    assert not server.threads[0].is_alive()


def test_with_no_request_there_is_nothing_to_wait_for():
    in_flight = RequestsInFlight(FakeServer())
    in_flight.wait_until_none(timeout=0)
