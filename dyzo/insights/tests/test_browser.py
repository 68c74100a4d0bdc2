import io

import pytest

from dyzo.insights.demo import build_demo

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_report_page_draws_its_chart_and_map(page, log_in, coordinator, live_server):
    build_demo(io.StringIO())
    errors, foreign, missing = [], [], []
    page.on(
        "console",
        lambda message: (
            message.type == "error" and errors.append((message.text, message.location.get("url")))
        ),
    )
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on(
        "request",
        lambda request: request.url.startswith(live_server.url) or foreign.append(request.url),
    )
    page.on("response", lambda response: response.status >= 400 and missing.append(response.url))
    log_in(coordinator)
    page.goto("/insights/cooperation/2018/")
    page.wait_for_selector("#province-chart .main-svg")
    page.wait_for_selector("#category-map[data-drawn='true']")
    bars = page.locator("#province-chart .bars path")
    assert bars.count() >= 5 * 3  # five provinces, most categories present in each
    shapes = page.locator("#category-map .choroplethlocation")
    assert shapes.count() == 308
    shapes.nth(150).hover(force=True)
    hover = page.locator("#category-map .hoverlayer .hovertext")
    hover.wait_for()
    label = hover.text_content()  # name and category, e.g. "BoechoutGeen"
    categories = ("Jaarovereenkomst", "Betaling per case", "Enkel telefonisch/per mail", "Geen")
    assert any(label.endswith(category) for category in categories)
    assert page.locator("#table-forms tfoot").inner_text().split()[-6:] == [
        "111",
        "35",
        "3",
        "149",
        "159",
        "308",
    ]
    assert missing == []
    # The browser's own favicon request is the shell's business, not this page's.
    assert [error for error in errors if not str(error[1]).endswith("/favicon.ico")] == []
    assert foreign == []
