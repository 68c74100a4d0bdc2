"""One way to render a PDF: a template rendered to HTML, then WeasyPrint."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def _static_only(url, *args, **kwargs):
    """Let WeasyPrint load our own static files from disk, and nothing from the network."""
    from weasyprint import default_url_fetcher

    prefix = "/" + settings.STATIC_URL.lstrip("/")
    if url.startswith("file://") or url.startswith("data:"):
        return default_url_fetcher(url, *args, **kwargs)
    if url.startswith(prefix):
        path = finders.find(url[len(prefix) :])
        if path:
            return default_url_fetcher(f"file://{path}", *args, **kwargs)
    raise ValueError(f"PDF rendering may not fetch {url}")


def render_to_pdf(template_name: str, context: dict, *, language: str = "nl-be") -> bytes:
    """Render `template_name` with `context` to PDF bytes (Dutch unless told otherwise)."""
    from weasyprint import HTML  # Heavy import; only the PDF paths pay for it.

    with translation.override(language):
        html = render_to_string(template_name, context)
    return HTML(string=html, base_url="/", url_fetcher=_static_only).write_pdf()
