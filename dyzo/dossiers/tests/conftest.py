import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents and rendered PDFs go to a throwaway folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT


@pytest.fixture(autouse=True)
def english():
    """Assertions on messages read in English; the PDF test checks the Dutch rendering."""
    from django.utils import translation

    with translation.override("en"):
        yield
