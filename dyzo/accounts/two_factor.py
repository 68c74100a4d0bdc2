"""Two-factor login (TOTP) for the roles in settings.DYZO_2FA_ROLES.

After the password, such a user must set up an authenticator app (first login) or enter a
code from it before any other page opens (TwoFactorMiddleware). The verified device is kept
in the session by django-otp and the session ends as usual.
"""

import base64
import io

import qrcode
import qrcode.image.svg
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.conf import settings


def requires_two_factor(user) -> bool:
    return user.is_superuser or user.role in settings.DYZO_2FA_ROLES


def confirmed_device(user) -> TOTPDevice | None:
    return TOTPDevice.objects.filter(user=user, confirmed=True).order_by("id").first()


def pending_device(user) -> TOTPDevice:
    """The device being set up: created once, shown again until its first code confirms it."""
    device = TOTPDevice.objects.filter(user=user, confirmed=False).order_by("id").first()
    return device or TOTPDevice.objects.create(user=user, name="authenticator", confirmed=False)


def secret_of(device: TOTPDevice) -> str:
    """The key as people type it into an app: base32, in groups of four."""
    secret = base64.b32encode(device.bin_key).decode()
    return " ".join(secret[i : i + 4] for i in range(0, len(secret), 4))


def qr_data_url(device: TOTPDevice) -> str:
    """The otpauth:// URL as an SVG QR code in a data: URL (the CSP allows data: images)."""
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode()
