import pytest


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploaded documents go to a temporary directory, never to the project's media."""
    settings.MEDIA_ROOT = tmp_path / "media"
    return settings.MEDIA_ROOT
