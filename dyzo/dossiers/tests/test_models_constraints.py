import datetime

import pytest

from django.db import IntegrityError

from dyzo.dossiers.constants import AdviceChannel
from dyzo.dossiers.models import AdviceEntry


def test_only_imported_placeholders_may_leave_the_party_empty(gent):
    placeholder = AdviceEntry.objects.create(
        municipality=gent,
        party="",
        channel=AdviceChannel.PHONE,
        topic="2018",
        asked_on=datetime.date(2018, 1, 1),
        imported_for_year=2018,
    )
    assert placeholder.pk
    with pytest.raises(IntegrityError):
        AdviceEntry.objects.create(
            municipality=gent, party="", channel=AdviceChannel.PHONE, topic="a question"
        )


def test_a_logged_question_must_name_its_party(client, coordinator, gent):
    from dyzo.dossiers.forms import AdviceEntryForm

    client.force_login(coordinator)
    data = {"municipality": gent.nis_code, "channel": "phone", "topic": "Schulden", "party": ""}
    response = client.post("/api/v1/advice-entries/", data, content_type="application/json")
    assert response.status_code == 400
    assert "party" in response.json()["fields"]
    assert not AdviceEntry.objects.exists()
    form = AdviceEntryForm(data={**data, "municipality": gent.pk, "asked_on": "2026-01-05"})
    assert "party" in form.errors


def test_entrepreneur_page_links_to_privacy_tools_for_coordinators_only(
    client, coordinator, expert
):
    from django.urls import reverse

    from dyzo.dossiers.tests.factories import DossierFactory, TeamMemberFactory

    dossier = DossierFactory()
    TeamMemberFactory(dossier=dossier, user=expert)
    url = reverse("dossiers:entrepreneur_detail", args=[dossier.entrepreneur.pk])
    privacy = reverse("privacy:entrepreneur_privacy", args=[dossier.entrepreneur.pk])
    client.force_login(coordinator)
    assert privacy in client.get(url).content.decode()
    client.force_login(expert)
    response = client.get(url)
    assert response.status_code == 200
    assert privacy not in response.content.decode()
