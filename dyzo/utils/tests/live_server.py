"""Waiting for the live server's requests before a browser test's database is flushed."""

import threading

import pytest


class RequestsInFlight:
    """Counts the live server's request threads, so a test can wait until all have ended.

    A page keeps working after a test's last assertion (htmx fragments with
    `hx-trigger="load"`, images, keep-alive connections). Its requests must be finished
    before the transactional teardown flushes the database under them (issue 14).
    """

    def __init__(self, server):
        self._count = 0
        self._changed = threading.Condition()
        start, handle = server.process_request, server.process_request_thread

        def counted_start(request, client_address):
            # Counted when accepted, before its thread runs, so no request slips between.
            with self._changed:
                self._count += 1
            start(request, client_address)

        def counted_handle(request, client_address):
            try:
                handle(request, client_address)
            finally:
                with self._changed:
                    self._count -= 1
                    self._changed.notify_all()

        # socketserver looks both up on the instance for every request, so these win.
        server.process_request = counted_start
        server.process_request_thread = counted_handle

    @classmethod
    def of(cls, live_server):
        server = live_server.thread.httpd
        if not hasattr(server, "dyzo_requests_in_flight"):
            server.dyzo_requests_in_flight = cls(server)
        return server.dyzo_requests_in_flight

    def wait_until_none(self, timeout=30):
        with self._changed:
            if not self._changed.wait_for(lambda: self._count == 0, timeout=timeout):
                pytest.fail(f"{self._count} live-server request(s) still running after {timeout}s")
