import pytest

from dyzo.knowledge.tests.factories import GuideFactory


@pytest.mark.parametrize("traits", [{}, {"draft": True}])
def test_guide_factory_traits_build(traits):
    guide = GuideFactory(**traits)
    assert guide.is_published is not traits.get("draft", False)
    assert guide.versions.count() == 1
