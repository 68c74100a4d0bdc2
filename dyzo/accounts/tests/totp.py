"""TOTP helpers for tests: the codes an authenticator app would show."""

from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

from dyzo.accounts.two_factor import confirmed_device


def code_for(device: TOTPDevice) -> str:
    """The code an authenticator app shows now for `device`."""
    device.refresh_from_db()
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{totp.token():0{device.digits}d}"


def authenticator_of(user) -> TOTPDevice:
    """The user's confirmed device, created when there is none."""
    return confirmed_device(user) or TOTPDevice.objects.create(
        user=user, name="authenticator", confirmed=True
    )
