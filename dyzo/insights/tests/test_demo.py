import io

from dyzo.agreements.models import Agreement
from dyzo.insights.demo import build_demo
from dyzo.insights.report import build_report
from dyzo.insights.tests.conftest import PUBLISHED_2018_TOTAL, published_row


def test_the_demo_fills_the_2018_report_and_can_run_again(db, registry):
    build_demo(io.StringIO())
    build_demo(out := io.StringIO())
    assert "146 agreements" in out.getvalue()
    assert Agreement.objects.filter(imported_for_year=2018).count() == 146
    assert published_row(build_report(2018)["total"]) == PUBLISHED_2018_TOTAL
