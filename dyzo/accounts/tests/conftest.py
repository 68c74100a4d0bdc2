import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice


@pytest.fixture
def totp_device():
    def make(user, confirmed=True):
        return TOTPDevice.objects.create(user=user, name="authenticator", confirmed=confirmed)

    return make
