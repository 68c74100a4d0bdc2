"""The trail reads as words: labels for codes, data as label and value, not a Python dict."""

from django.utils import translation

from dyzo.audit import audit
from dyzo.audit.labels import data_items, event_label


def test_a_service_code_reads_as_subject_and_event():
    with translation.override("nl-be"):
        assert event_label("advice.listed") == "Advies: lijst bekeken"
        assert event_label("dossier.status_changed") == "Dossier: status gewijzigd"
    with translation.override("en"):
        assert event_label("advice.listed") == "Advice: list viewed"


def test_a_signal_code_names_the_model():
    with translation.override("en"):
        assert event_label("dossiers.activity.created") == "Activity: created"


def test_an_unknown_code_falls_back_to_its_words():
    with translation.override("en"):
        assert event_label("billing.invoice_sent") == "Billing: invoice sent"


def test_data_become_label_and_text():
    with translation.override("en"):
        items = data_items({"ids": [3, 2, 1], "fields": ["phase"], "from": "intake"})
    assert items == [("rows", "3, 2, 1"), ("fields", "phase"), ("from", "intake")]


def test_the_trail_page_shows_labels(client, coordinator):
    audit.log(None, "advice.listed", actor=coordinator, data={"ids": [1, 2]})
    client.force_login(coordinator)
    page = client.get("/audit/", headers={"accept-language": "en"}).content.decode()
    assert "Advice: list viewed" in page
    assert "{&#x27;ids&#x27;" not in page and "{'ids'" not in page
