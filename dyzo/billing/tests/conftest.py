import pytest


@pytest.fixture(autouse=True)
def billing_folders(settings, tmp_path):
    """Invoice files and the outbox go to temporary directories."""
    settings.MEDIA_ROOT = tmp_path / "media"
    settings.DYZO_BILLING_OUTBOX_DIR = tmp_path / "outbox"
    # The mail queue delivers to django.core.mail.outbox; the notifications' test backend
    # simulates an SMTP outage.
    settings.POST_OFFICE = {
        **settings.POST_OFFICE,
        "BACKENDS": {"default": "dyzo.notifications.tests.backends.FlakySMTPBackend"},
    }
    return settings


@pytest.fixture
def vat_21(settings):
    settings.DYZO_BILLING_SELLER = {**settings.DYZO_BILLING_SELLER, "vat_category": "S"}
    return settings
