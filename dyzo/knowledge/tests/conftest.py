import pytest

from dyzo.knowledge.tests.factories import GuideFactory, TopicFactory


@pytest.fixture
def topic(db):
    return TopicFactory()


@pytest.fixture
def bankruptcy_guide(topic, expert):
    return GuideFactory(
        topic=topic,
        title="Na het faillissement opnieuw beginnen",
        body="Na een faillissement kan de ondernemer kwijtschelding vragen en herstarten.",
        updated_by=expert,
    )


@pytest.fixture
def draft_guide(topic, expert):
    return GuideFactory(
        topic=topic,
        draft=True,
        title="Ontwerp over het overbruggingsrecht",
        body="Het overbruggingsrecht geeft een vervangingsinkomen na een faillissement.",
        updated_by=expert,
    )
