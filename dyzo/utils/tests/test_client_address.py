"""The client address behind trusted proxies (issue 9, docs/deployment.md)."""

import pytest

from django.test import RequestFactory

from dyzo.audit import audit
from dyzo.utils.client_address import client_ip


def request_with(forwarded=None, remote="10.0.0.1"):
    extra = {"HTTP_X_FORWARDED_FOR": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, **extra)


def test_without_trusted_proxies_the_header_is_ignored(settings):
    settings.DYZO_TRUSTED_PROXIES = 0
    assert client_ip(request_with("203.0.113.5")) == "10.0.0.1"


@pytest.mark.issue(9)
@pytest.mark.parametrize(
    ("proxies", "forwarded", "expected"),
    [
        (1, "203.0.113.5", "203.0.113.5"),
        # A forged first entry is never the answer: the right-most untrusted one is.
        (1, "6.6.6.6, 203.0.113.5", "203.0.113.5"),
        (2, "6.6.6.6, 203.0.113.5, 192.0.2.10", "203.0.113.5"),
        (2, "203.0.113.5", "203.0.113.5"),
        (1, "2001:db8::1", "2001:db8::1"),
        (1, "", "10.0.0.1"),
        (1, "6.6.6.6, <script>", "10.0.0.1"),
    ],
)
def test_with_trusted_proxies_the_right_most_untrusted_entry_counts(
    settings, proxies, forwarded, expected
):
    settings.DYZO_TRUSTED_PROXIES = proxies
    assert client_ip(request_with(forwarded)) == expected


@pytest.mark.issue(9)
def test_the_audit_trail_records_the_address_our_proxy_saw(settings, coordinator):
    settings.DYZO_TRUSTED_PROXIES = 1
    request = request_with("6.6.6.6, 203.0.113.5")
    assert audit.log(None, "x.y", actor=coordinator, request=request).ip_address == "203.0.113.5"
