from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

from dyzo.utils import crypto_fields


@checks.register(checks.Tags.security)
def check_encryption_keys(app_configs, **kwargs):
    """Without valid keys no personal note can be read or written: say so at startup."""
    try:
        crypto_fields.fernet()
    except ImproperlyConfigured as exc:
        return [checks.Error(str(exc), id="dyzo.E001")]
    return []


@checks.register(checks.Tags.security, deploy=True)
def check_no_development_key(app_configs, **kwargs):
    if settings.DYZO_DEVELOPMENT_ENCRYPTION_KEY in crypto_fields.configured_keys():
        return [
            checks.Error(
                "DYZO_ENCRYPTION_KEYS holds the public development key.",
                hint="Generate keys with: python -c 'from cryptography.fernet import Fernet; "
                "print(Fernet.generate_key().decode())'",
                id="dyzo.E002",
            )
        ]
    return []
