import pytest

from dyzo.dossiers.errors import DossierError
from dyzo.dossiers.models import Entrepreneur
from dyzo.dossiers.services import create_entrepreneur, update_entrepreneur
from dyzo.dossiers.tests.factories import EntrepreneurFactory

pytestmark = pytest.mark.django_db


def data(gent, **extra):
    return {"first_name": "Els", "last_name": "Peeters", "municipality": gent, **extra}


def test_create_stores_the_enterprise_number_compact(gent, coordinator):
    entrepreneur = create_entrepreneur(
        data(gent, enterprise_number="BE 0403.170.701"), actor=coordinator
    )
    assert entrepreneur.enterprise_number == "0403170701"
    assert entrepreneur.enterprise_number_display == "0403.170.701"


def test_create_rejects_an_invalid_enterprise_number_and_stores_nothing(gent, coordinator):
    with pytest.raises(DossierError, match="not a valid enterprise number"):
        create_entrepreneur(data(gent, enterprise_number="0403.170.702"), actor=coordinator)
    assert not Entrepreneur.objects.exists()


def test_create_rejects_a_duplicate_enterprise_number(gent, coordinator):
    EntrepreneurFactory(with_enterprise_number=True)
    with pytest.raises(DossierError, match="already exists"):
        create_entrepreneur(data(gent, enterprise_number="0403170701"), actor=coordinator)
    assert Entrepreneur.objects.count() == 1


def test_update_keeps_its_own_enterprise_number(coordinator):
    entrepreneur = EntrepreneurFactory(with_enterprise_number=True)
    update_entrepreneur(
        entrepreneur, {"enterprise_number": "0403.170.701", "sector": "bouw"}, actor=coordinator
    )
    entrepreneur.refresh_from_db()
    assert (entrepreneur.enterprise_number, entrepreneur.sector) == ("0403170701", "bouw")


def test_no_national_register_number_field_exists():
    names = {field.name for field in Entrepreneur._meta.get_fields()}
    assert not any("national" in name or "rijksregister" in name for name in names)


def test_situation_notes_are_encrypted_at_rest(gent, coordinator):
    from django.db import connection

    entrepreneur = create_entrepreneur(
        data(gent, situation_notes="Schulden bij de RSZ"), actor=coordinator
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT situation_notes FROM dossiers_entrepreneur WHERE id = %s", [entrepreneur.pk]
        )
        stored = cursor.fetchone()[0]
    assert "RSZ" not in stored and stored.startswith("gAAAAA")
    assert Entrepreneur.objects.get(pk=entrepreneur.pk).situation_notes == "Schulden bij de RSZ"
