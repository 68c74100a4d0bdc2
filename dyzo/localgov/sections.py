"""Other apps add sections (agreements, contacts, dossiers) to the municipality page.

An app registers a function `(request, municipality) -> dict | None` returning a template
name and its context; None hides the section (for example when the user may not see it).
"""

from collections.abc import Callable

_SECTIONS: list[Callable] = []


def register_section(func: Callable) -> Callable:
    _SECTIONS.append(func)
    return func


def municipality_sections(request, municipality) -> list[dict]:
    sections = (section(request, municipality) for section in _SECTIONS)
    return [section for section in sections if section]
