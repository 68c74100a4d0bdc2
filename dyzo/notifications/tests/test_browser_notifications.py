import pytest

from dyzo.notifications.delivery import send_mail_queue
from dyzo.portal.models import HelpRequest


def _header_count(page) -> str:
    return page.locator(".site-header .notification-count .count").inner_text()


def _switch_to(page, log_in, user):
    page.context.clear_cookies()
    log_in(user)


@pytest.mark.browser
@pytest.mark.django_db(transaction=True)
def test_a_help_request_notifies_the_coordinator_and_its_take_up_the_worker(
    page, log_in, registry, worker_of_gent, coordinator
):
    log_in(worker_of_gent)
    page.wait_for_url("**/portal/")
    page.get_by_role("link", name="Een hulpvraag indienen").first.click()
    page.get_by_label("Namens").select_option(label="OCMW Gent")
    page.get_by_label("Ondernemingsscan (ter plaatse)").check()
    page.get_by_label("Voornaam van de ondernemer").fill("An")
    page.get_by_label("Achternaam van de ondernemer").fill("Claes")
    page.get_by_label("Fase van de zaak").select_option("in_difficulty")
    page.get_by_role("textbox", name="Hulpvraag").fill("Schulden bij de RSZ, de zaak loopt nog.")
    page.get_by_role("button", name="Naar Dyzo sturen").click()
    page.wait_for_url("**/portal/requests/*/")
    number = HelpRequest.objects.get().pk
    assert _header_count(page) == "0"

    # The coordinator sees the count, opens the notification and takes the request up.
    _switch_to(page, log_in, coordinator)
    assert _header_count(page) == "1"
    page.locator(".site-header .notification-count").click()
    page.get_by_role("button", name=f"Nieuwe hulpvraag #{number} van Gent wacht op Dyzo.").click()
    page.wait_for_url(f"**/portal/requests/{number}/")
    assert _header_count(page) == "0"
    page.get_by_role("button", name="Opnemen als dossier").click()
    page.wait_for_load_state()
    assert HelpRequest.objects.get().dossier is not None

    # The queue worker sends the mail (console backend in development).
    assert send_mail_queue()["sent"] >= 1

    # The worker sees the notification and finds the mail in the outbox.
    _switch_to(page, log_in, worker_of_gent)
    assert _header_count(page) == "1"
    page.locator(".site-header .notification-count").click()
    message = f"Dyzo nam uw hulpvraag #{number} op als dossier."
    assert page.get_by_role("button", name=message).is_visible()
    page.get_by_role("link", name="E-mails").click()
    row = page.get_by_role("row").filter(has_text=message)
    assert "Verstuurd" in row.inner_text()
