import pytest

from dyzo.tests_access.world import PERSONAS, build_world


@pytest.fixture
def world(db, settings, tmp_path, request, worker_of_aalst, gent, aalst):
    """The world of dyzo/tests_access/world.py; uploaded files go to a temporary folder."""
    settings.MEDIA_ROOT = tmp_path / "media"
    personas = {name: request.getfixturevalue(name) for name in PERSONAS if name != "anonymous"}
    return build_world(personas, worker_of_aalst, gent, aalst)
