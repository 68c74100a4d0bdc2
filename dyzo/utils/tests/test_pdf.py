import pytest

from dyzo.utils.pdf import _fetcher, render_to_pdf
from dyzo.utils.tests.pdf import pdf_text


@pytest.fixture
def template_dir(tmp_path, settings):
    # Assigning (not mutating) TEMPLATES makes Django rebuild its template engines.
    engine = {**settings.TEMPLATES[0], "DIRS": [*settings.TEMPLATES[0]["DIRS"], tmp_path]}
    settings.TEMPLATES = [engine]
    return tmp_path


def test_renders_a_template_to_pdf_in_dutch(template_dir):
    (template_dir / "sample.html").write_text(
        "{% load i18n static %}<link rel='stylesheet' href='{% static 'css/dyzo.css' %}'>"
        "<h1>{% translate 'Municipalities' %}</h1><p>{{ figure }}</p>"
    )
    data = render_to_pdf("sample.html", {"figure": "308"})
    assert data.startswith(b"%PDF-")
    text = pdf_text(data)
    assert "Gemeenten" in text and "308" in text


@pytest.mark.parametrize(
    "url", ["https://example.org/tracker.png", "file:///etc/passwd", "ftp://example.org/x"]
)
def test_pdf_rendering_fetches_nothing_but_our_static_files(url):
    with pytest.raises(ValueError, match="may not fetch"):
        _fetcher().fetch(url)


def test_static_files_are_read_from_disk():
    response = _fetcher().fetch("file:///static/css/dyzo.css")
    assert response is not None
