"""One way to render a PDF: a template rendered to HTML, then WeasyPrint."""

from django.conf import settings
from django.contrib.staticfiles import finders
from django.template.loader import render_to_string
from django.utils import translation


def _static_path(url: str) -> str | None:
    """The file on disk behind one of our static URLs, or None."""
    prefix = "/" + settings.STATIC_URL.lstrip("/")
    path = url.removeprefix("file://")
    if path.startswith(prefix):
        return finders.find(path[len(prefix) :])
    return None


def _fetcher():
    from weasyprint.urls import URLFetcher

    class StaticOnlyFetcher(URLFetcher):
        """Loads our own static files from disk and data: URLs; nothing from a network."""

        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            path = _static_path(url)
            if path is None:
                raise ValueError(f"PDF rendering may not fetch {url}")
            return super().fetch(f"file://{path}", headers)

    return StaticOnlyFetcher(allowed_protocols={"file", "data"})


def render_to_pdf(template_name: str, context: dict, *, language: str = "nl-be") -> bytes:
    """Render `template_name` with `context` to PDF bytes (Dutch unless told otherwise)."""
    from weasyprint import HTML  # Heavy import; only the PDF paths pay for it.

    with translation.override(language):
        html = render_to_string(template_name, context)
    return HTML(string=html, base_url="/", url_fetcher=_fetcher()).write_pdf()
