import pytest

from django.core.files.uploadedfile import SimpleUploadedFile

from dyzo.audit.models import AuditEntry
from dyzo.knowledge import services
from dyzo.knowledge.constants import GuideStatus
from dyzo.knowledge.errors import GuideError
from dyzo.knowledge.models import GuideRead
from dyzo.utils.tests.pdf import blank_pdf

pytestmark = pytest.mark.issue(10)

PDF_BYTES = blank_pdf()


def _data(topic, **changes):
    return {
        "topic": topic,
        "title": "Sociale bijdragen",
        "summary": "",
        "body": "Achterstallige bijdragen: vraag uitstel aan het sociaal verzekeringsfonds.",
        "language": "nl",
        "status": GuideStatus.DRAFT,
        **changes,
    }


def test_each_save_is_a_version_with_who_and_what(topic, expert, coordinator):
    guide = services.save_guide(_data(topic), actor=expert)
    services.save_guide(
        _data(topic, status=GuideStatus.PUBLISHED),
        guide=guide,
        change_note="Gepubliceerd",
        actor=coordinator,
    )
    guide.refresh_from_db()
    versions = list(guide.versions.order_by("number"))
    assert guide.version == 2 and guide.updated_by == coordinator and guide.is_published
    assert [(v.number, v.changed_by, v.status) for v in versions] == [
        (1, expert, GuideStatus.DRAFT),
        (2, coordinator, GuideStatus.PUBLISHED),
    ]
    assert versions[1].change_note == "Gepubliceerd"
    codes = AuditEntry.objects.filter(
        object_id=str(guide.pk), code__startswith="guide."
    ).values_list("code", flat=True)
    assert sorted(codes) == ["guide.changed", "guide.created"]


def test_a_worker_cannot_write(topic, worker_of_gent):
    with pytest.raises(GuideError):
        services.save_guide(_data(topic), actor=worker_of_gent)


@pytest.mark.parametrize("field", ["title", "body"])
def test_an_empty_text_is_refused_and_nothing_changes(bankruptcy_guide, expert, field):
    data = _data(bankruptcy_guide.topic, **{field: "  "})
    with pytest.raises(GuideError):
        services.save_guide(data, guide=bankruptcy_guide, actor=expert)
    bankruptcy_guide.refresh_from_db()
    assert bankruptcy_guide.version == 1 and bankruptcy_guide.versions.count() == 1


def test_an_attachment_is_judged_by_its_content(bankruptcy_guide, expert, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    pdf = SimpleUploadedFile("checklist.pdf", PDF_BYTES)
    attachment = services.attach_file(bankruptcy_guide, pdf, actor=expert)
    assert attachment.content_type == "application/pdf"
    assert attachment.file.name.endswith(".pdf") and "checklist" not in attachment.file.name
    fake = SimpleUploadedFile("virus.pdf", b"MZ\x90\x00 not a pdf")
    with pytest.raises(GuideError):
        services.attach_file(bankruptcy_guide, fake, actor=expert)
    assert bankruptcy_guide.attachments.count() == 1


def test_a_read_counts_once_per_day_for_each_municipality_of_the_worker(
    bankruptcy_guide, worker_of_gent, expert
):
    assert services.record_read(bankruptcy_guide, reader=worker_of_gent) == 1
    assert services.record_read(bankruptcy_guide, reader=worker_of_gent) == 0
    assert services.record_read(bankruptcy_guide, reader=expert) == 0
    assert list(GuideRead.objects.values_list("municipality__nis_code", flat=True)) == ["44021"]
