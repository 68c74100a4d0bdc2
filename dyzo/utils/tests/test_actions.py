"""The one call-a-service-and-say-how-it-went helper of the pages (issue 9, point 9)."""

import pytest

from django.contrib.messages import get_messages
from django.contrib.messages.storage.fallback import FallbackStorage
from django.test import RequestFactory

from dyzo.utils.actions import run_service
from dyzo.utils.errors import DomainError


@pytest.fixture
def request_with_messages():
    request = RequestFactory().post("/")
    request.session = {}
    request._messages = FallbackStorage(request)
    return request


def shown(request):
    return [(message.level_tag, message.message) for message in get_messages(request)]


def test_a_refusal_becomes_an_error_message(request_with_messages):
    def refuse():
        raise DomainError("Niet mogelijk.")

    assert run_service(request_with_messages, refuse, "Gelukt.") is False
    assert shown(request_with_messages) == [("error", "Niet mogelijk.")]


def test_success_is_told_when_asked(request_with_messages):
    calls = []
    assert run_service(request_with_messages, lambda: calls.append(1), "Gelukt.") is True
    assert calls == [1]
    assert shown(request_with_messages) == [("success", "Gelukt.")]


def test_other_errors_are_not_swallowed(request_with_messages):
    def crash():
        raise KeyError("bug")

    with pytest.raises(KeyError):
        run_service(request_with_messages, crash)


def test_the_four_copies_are_gone():
    from dyzo.agreements.views import agreements
    from dyzo.dossiers.views import dossiers
    from dyzo.portal import views as portal
    from dyzo.reports import views as reports

    for module, name in [(dossiers, "_run"), (reports, "_act"), (agreements, "_attempt")]:
        assert not hasattr(module, name)
    assert "run_service" in portal._handle.__code__.co_names
