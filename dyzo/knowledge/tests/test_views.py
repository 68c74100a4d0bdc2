import pytest

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from dyzo.knowledge.models import Guide
from dyzo.knowledge.tests.factories import GuideFactory
from dyzo.utils.tests.pdf import blank_pdf

pytestmark = pytest.mark.issue(10)

PDF_BYTES = blank_pdf()


@pytest.mark.parametrize("rows", [1, 20])
def test_the_list_costs_a_fixed_number_of_queries(
    client, worker_of_gent, topic, rows, django_assert_num_queries
):
    GuideFactory.create_batch(rows, topic=topic)
    client.force_login(worker_of_gent)
    # Session, user, the role's permissions, the page of guides (topic joined), the
    # topics of the filter.
    with django_assert_num_queries(5):
        response = client.get(reverse("knowledge:guide_list"))
    assert response.status_code == 200
    assert len(response.context["page"].items) == rows


def test_search_page_shows_the_match_and_not_drafts(
    client, worker_of_gent, bankruptcy_guide, draft_guide
):
    client.force_login(worker_of_gent)
    response = client.get(reverse("knowledge:guide_list"), {"q": "faillissement"})
    assert [guide.pk for guide in response.context["results"]] == [bankruptcy_guide.pk]
    assert draft_guide.title not in response.content.decode()


def test_an_unknown_topic_is_a_clear_error(client, worker_of_gent, bankruptcy_guide):
    client.force_login(worker_of_gent)
    response = client.get(reverse("knowledge:guide_list"), {"topic": "nope"})
    assert response.status_code == 200
    assert response.context["form"].errors["topic"]


def test_the_reader_sees_the_version_date(client, worker_of_gent, bankruptcy_guide):
    client.force_login(worker_of_gent)
    response = client.get(reverse("knowledge:guide_detail", args=[bankruptcy_guide.pk]))
    assert f"Versie 1 van {bankruptcy_guide.updated_at.day}" in response.content.decode()


def test_a_draft_is_not_found_for_a_worker(client, worker_of_gent, draft_guide):
    client.force_login(worker_of_gent)
    response = client.get(reverse("knowledge:guide_detail", args=[draft_guide.pk]))
    assert response.status_code == 404


def test_an_analyst_reads_no_guides(client, analyst, bankruptcy_guide):
    client.force_login(analyst)
    response = client.get(reverse("knowledge:guide_detail", args=[bankruptcy_guide.pk]))
    assert response.status_code == 403


def test_an_expert_writes_a_guide_and_a_new_version(client, expert, topic):
    client.force_login(expert)
    values = {
        "topic": topic.pk,
        "title": "Signalen",
        "summary": "",
        "body": "Let op onbetaalde facturen.",
        "language": "nl",
        "status": "published",
    }
    response = client.post(reverse("knowledge:guide_create"), values)
    guide = Guide.objects.get(title="Signalen")
    assert response.status_code == 302
    values.update(body="Let op onbetaalde facturen en aanmaningen.", change_note="Aanmaningen")
    client.post(reverse("knowledge:guide_edit", args=[guide.pk]), values)
    guide.refresh_from_db()
    assert guide.version == 2
    history = client.get(reverse("knowledge:guide_history", args=[guide.pk])).content.decode()
    assert "Aanmaningen" in history


def test_a_bad_attachment_is_refused_with_a_message(
    client, expert, bankruptcy_guide, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(expert)
    url = reverse("knowledge:attachment_upload", args=[bankruptcy_guide.pk])
    upload = SimpleUploadedFile("notes.pdf", b"plain text, not a pdf")
    response = client.post(url, {"file": upload}, follow=True)
    assert bankruptcy_guide.attachments.count() == 0
    assert "niet aanvaard" in response.content.decode()


def test_a_worker_downloads_an_attachment(
    client, expert, worker_of_gent, bankruptcy_guide, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    client.force_login(expert)
    url = reverse("knowledge:attachment_upload", args=[bankruptcy_guide.pk])
    client.post(url, {"file": SimpleUploadedFile("lijst.pdf", PDF_BYTES)})
    attachment = bankruptcy_guide.attachments.get()
    client.force_login(worker_of_gent)
    download = reverse("knowledge:attachment_download", args=[bankruptcy_guide.pk, attachment.pk])
    response = client.get(download)
    assert b"".join(response.streaming_content) == PDF_BYTES
