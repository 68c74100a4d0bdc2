from django.conf import settings
from django.core import checks


@checks.register(checks.Tags.security, deploy=True)
def base_url_is_public(app_configs, **kwargs):
    """Links in notification mails must reach the site, not the sender's own machine."""
    url = settings.DYZO_BASE_URL
    if url.startswith(("http://localhost", "http://127.", "https://localhost")):
        return [
            checks.Warning(
                f"DYZO_BASE_URL is {url}: links in notification mails lead nowhere.",
                hint="Set DYZO_BASE_URL to the site's public address (docs/deployment.md).",
                id="dyzo.notifications.W001",
            )
        ]
    return []
