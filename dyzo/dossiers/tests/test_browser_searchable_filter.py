"""The dossier list's municipality filter is searched, by keyboard alone, under the CSP."""

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_municipality_filter_is_searched_by_keyboard(page, log_in):
    from dyzo.accounts.tests.factories import UserFactory
    from dyzo.dossiers.tests.factories import DossierFactory
    from dyzo.localgov.models import Municipality

    ghent = DossierFactory()
    aalst = DossierFactory(municipality=Municipality.objects.get(nis_code="41002"))
    errors = []
    page.on(
        "console", lambda message: errors.append(message.text) if message.type == "error" else None
    )
    log_in(UserFactory(username="coordinator", coordinator=True))
    page.goto("/dossiers/")
    assert page.locator("select#id_municipality option").count() == 1  # only "All"

    page.get_by_label("Type").focus()
    page.keyboard.press("Tab")  # into the searchable municipality field
    page.keyboard.type("Aals")
    page.get_by_role("option", name="Aalst (41002)").wait_for()
    page.keyboard.press("Enter")

    page.wait_for_url("**municipality=*")
    rows = page.locator("#dossier-rows")
    rows.get_by_role("link", name=aalst.reference).wait_for()
    assert rows.get_by_role("link", name=ghent.reference).count() == 0
    assert not [e for e in errors if "Content Security Policy" in e]
