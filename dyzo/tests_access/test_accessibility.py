"""Every page of the access table's routes, as each role that may open it, passes axe-core
(axe-playwright-python, its bundled axe script) with no serious or critical violation.

One test per role walks all its pages in one browser context, so the world is built five
times, not once per page (the walk stays within a few minutes on CI)."""

import pytest
from axe_playwright_python.sync_playwright import Axe

from django.test import Client
from django.urls import reverse

from dyzo.tests_access.routes import all_routes
from dyzo.tests_access.table import RULES
from dyzo.tests_access.world import PERSONAS

pytestmark = pytest.mark.browser

SERIOUS = {"serious", "critical"}
# Pages that are no page: leaving, switching language, the login forms (logged in: redirect).
SKIP = {"accounts:logout", "set_language", "accounts:login"}


def pages_for(persona: str, world) -> list[str]:
    index = PERSONAS.index(persona)
    urls = []
    for route in all_routes():
        rule = RULES.get(route.key)
        if route.is_api or route.is_admin or route.key in SKIP or rule is None or not rule.get:
            continue
        if rule.get.split()[index] not in ("Y", "O"):
            continue
        kwargs = rule.kwargs(world, world.own) if rule.kwargs else {}
        urls.append(reverse(route.name, kwargs=kwargs) + rule.query)
    return urls


def serious_violations(page, axe) -> list[str]:
    result = axe.run(page)
    return [
        f"{violation['id']} ({violation['impact']}): "
        + "; ".join(str(node["target"]) for node in violation["nodes"][:3])
        for violation in result.response["violations"]
        if violation["impact"] in SERIOUS
    ]


@pytest.mark.parametrize("persona", [p for p in PERSONAS if p != "anonymous"])
def test_every_page_passes_axe_as_each_role(persona, world, browser, live_server):
    client = Client()
    client.force_login(world.users[persona])
    context = browser.new_context(base_url=live_server.url, locale="nl-BE")
    context.add_cookies(
        [{"name": "sessionid", "value": client.cookies["sessionid"].value, "url": live_server.url}]
    )
    page = context.new_page()
    page.set_default_timeout(15000)
    axe = Axe()
    failures, checked = {}, 0
    for url in pages_for(persona, world):
        head = page.request.get(url)
        if "text/html" not in head.headers.get("content-type", ""):
            continue  # a download (PDF, CSV): no page to check
        if b"<html" not in head.body()[:500]:
            continue  # an htmx fragment of a page, checked as part of that page
        page.goto(url)
        checked += 1
        if found := serious_violations(page, axe):
            failures[url] = found
    context.close()
    assert checked >= 5
    assert failures == {}
