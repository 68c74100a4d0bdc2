"""Two first downloads of a report's PDF at once store one copy (issue 9, point 9)."""

import threading

import pytest

from django.db import connection

from dyzo.reports import services
from dyzo.reports.tests.factories import WrittenReportFactory


@pytest.mark.issue(9)
def test_simultaneous_first_renders_store_one_pdf(live_registry, monkeypatch):
    report = WrittenReportFactory(delivered=True)
    rendered = []
    second_rendered = threading.Event()
    second_started = threading.Event()

    def render(template_name, context, **kwargs):
        rendered.append(threading.current_thread().name)
        if len(rendered) == 1:
            # Give the second download every chance to render too, as it did before the
            # lock; with the lock it waits for this one, so this wait simply runs out.
            second_started.wait(timeout=30)
            second_rendered.wait(timeout=1)
        else:
            second_rendered.set()
        return b"%PDF-1.7 rendered"

    monkeypatch.setattr(services, "render_to_pdf", render)
    errors = []

    def download():
        try:
            services.ensure_report_pdf(report)
        except Exception as error:  # Reported below, in the test's own thread.
            errors.append(error)
        finally:
            connection.close()

    first = threading.Thread(target=download, name="first")
    second = threading.Thread(target=download, name="second")
    first.start()
    while not rendered and first.is_alive():
        first.join(timeout=0.01)
    second.start()
    second_started.set()
    first.join(timeout=60)
    second.join(timeout=60)

    assert errors == []
    assert rendered == ["first"]
    report.refresh_from_db()
    with report.pdf.open("rb") as stored:  # closed here, not by a later test's garbage
        assert stored.read() == b"%PDF-1.7 rendered"
