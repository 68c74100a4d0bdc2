import pytest

from dyzo.knowledge.tests.factories import (
    GuideFactory,
    RegistrationFactory,
    SurveyFactory,
    TriageFactory,
)
from dyzo.knowledge.triage import outcome_of


@pytest.mark.parametrize("traits", [{}, {"draft": True}])
def test_guide_factory_traits_build(traits):
    guide = GuideFactory(**traits)
    assert guide.is_published is not traits.get("draft", False)
    assert guide.versions.count() == 1


@pytest.mark.parametrize("traits", [{}, {"self_answer": True}, {"ask_dyzo": True}])
def test_triage_factory_traits_build(registry, traits):
    triage = TriageFactory(**traits)
    assert outcome_of(triage.answers) == triage.outcome


@pytest.mark.parametrize("traits", [{}, {"waiting": True}, {"attended_past": True}])
def test_registration_factory_traits_build(registry, traits):
    registration = RegistrationFactory(**traits)
    assert registration.training.is_past is traits.get("attended_past", False)


@pytest.mark.parametrize("traits", [{}, {"answered": True}])
def test_survey_factory_traits_build(registry, traits):
    survey = SurveyFactory(**traits)
    assert survey.is_answered is traits.get("answered", False)
