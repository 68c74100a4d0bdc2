"""The dossier pages, in their default language (Dutch)."""

import datetime

import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.models import Dossier, Entrepreneur
from dyzo.dossiers.tests.factories import DossierFactory, TeamMemberFactory
from dyzo.utils.tests.pdf import blank_pdf

pytestmark = pytest.mark.django_db


def intake_data(gent, **extra):
    return {
        "case_type": "social_pre_investigation",
        "municipality": gent.pk,
        "referring_party": "ocmw",
        "phase": "active",
        "opened_on": "2026-04-01",
        "entrepreneur-first_name": "Jo",
        "entrepreneur-last_name": "Maes",
        "entrepreneur-municipality": gent.pk,
        "entrepreneur-enterprise_number": "0403.170.701",
        **extra,
    }


def test_intake_opens_a_numbered_dossier_and_says_when_not_covered(client, coordinator, gent):
    client.force_login(coordinator)
    response = client.post(reverse("dossiers:create"), intake_data(gent), follow=True)
    dossier = Dossier.objects.get()
    assert dossier.reference == "2026-0001"
    assert "die van kracht is, dekt een doorverwijzing" in response.content.decode()
    assert reverse("agreements:quote", args=[gent.nis_code]) in response.content.decode()


def test_intake_with_an_invalid_kbo_number_changes_nothing(client, coordinator, gent):
    client.force_login(coordinator)
    data = intake_data(gent, **{"entrepreneur-enterprise_number": "0403.170.799"})
    response = client.post(reverse("dossiers:create"), data)
    assert response.status_code == 200
    assert "is geen geldig ondernemingsnummer" in response.content.decode()
    assert not Dossier.objects.exists() and not Entrepreneur.objects.exists()


def test_intake_page_explains_the_missing_national_number(client, coordinator):
    client.force_login(coordinator)
    content = client.get(reverse("dossiers:create")).content.decode()
    assert "Waarom geen rijksregisternummer?" in content


def test_a_stale_edit_shows_a_conflict_and_keeps_the_input(client, coordinator, expert):
    dossier = DossierFactory()
    TeamMemberFactory(dossier=dossier, user=expert)
    url = reverse("dossiers:edit", args=[dossier.pk])
    base = {"phase": "active", "referring_party": "ocmw", "opened_on": "2026-01-05", "version": 1}
    client.force_login(expert)
    assert client.post(url, {**base, "help_request": "Door de expert"}).status_code == 302
    client.force_login(coordinator)
    response = client.post(url, {**base, "help_request": "Door de coördinator"})
    content = response.content.decode()
    assert response.status_code == 409
    assert "Iemand anders heeft dit dossier intussen bewaard" in content
    assert "Door de coördinator" in content  # the user's input, in the form
    assert "Door de expert" in content  # what the other person saved
    assert 'name="version" value="2"' in content
    dossier.refresh_from_db()
    assert dossier.help_request == "Door de expert"


def test_a_disallowed_transition_gets_a_message_and_changes_nothing(client, expert):
    dossier = DossierFactory()
    TeamMemberFactory(dossier=dossier, user=expert)
    client.force_login(expert)
    response = client.post(
        reverse("dossiers:move", args=[dossier.pk]),
        {"move-to_status": DossierStatus.DATA_COLLECTION, "move-version": 1},
        follow=True,
    )
    assert "U kunt dit dossier niet" in response.content.decode()
    dossier.refresh_from_db()
    assert dossier.status == DossierStatus.INTAKE


def test_a_wrong_file_type_is_refused_with_a_message(client, coordinator):
    dossier = DossierFactory()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("cv.pdf", b"PK\x03\x04 a zip file", content_type="application/pdf")
    response = client.post(
        reverse("dossiers:document_upload", args=[dossier.pk]),
        {"document-kind": "tax", "document-file": upload},
        follow=True,
    )
    assert "Dit bestandstype wordt niet aanvaard." in response.content.decode()
    assert not dossier.documents.exists()


def test_dashboard_counts_open_dossiers_and_lists_overdue_ones(client, coordinator, settings):
    settings.DYZO_DOSSIER_OVERDUE_DAYS = 10
    old = datetime.date.today() - datetime.timedelta(days=100)
    late = DossierFactory(investigation=True, opened_on=old, status_changed_on=old)
    DossierFactory()
    DossierFactory(closed=True)
    client.force_login(coordinator)
    response = client.get(reverse("dossiers:dashboard"))
    assert response.context["summary"]["open"] == 2
    assert list(response.context["overdue"]) == [late]
    rows = {row["status"]: row["counts"] for row in response.context["table"]["rows"]}
    assert rows[DossierStatus.INVESTIGATION] == [0, 0, 1, 0]
    assert rows[DossierStatus.INTAKE] == [1, 0, 0, 0]


@pytest.mark.issue(9)
def test_a_file_name_with_control_characters_is_refused_not_cleaned(client, coordinator):
    # Django's multipart parser used to drop the escape character before anyone saw it.
    dossier = DossierFactory()
    client.force_login(coordinator)
    upload = SimpleUploadedFile("scan\x1b[8m.pdf", blank_pdf(), content_type="application/pdf")
    response = client.post(
        reverse("dossiers:document_upload", args=[dossier.pk]),
        {"document-kind": "tax", "document-file": upload},
        follow=True,
    )
    assert "De bestandsnaam bevat stuurtekens" in response.content.decode()
    assert not dossier.documents.exists()


def test_destructive_actions_ask_for_confirmation(client, coordinator):
    member = TeamMemberFactory(dossier=DossierFactory(investigation=True))
    client.force_login(coordinator)
    page = client.get(
        reverse("dossiers:detail", args=[member.dossier.pk]), headers={"accept-language": "en"}
    ).content.decode()
    assert "They are the last member of the team" in page
    assert 'data-confirm="Cancel this dossier? This cannot be undone."' in page
    assert "js/confirm.js" in page
