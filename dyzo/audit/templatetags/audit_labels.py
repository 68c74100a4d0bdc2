from django import template

from dyzo.audit import labels

register = template.Library()


@register.filter
def event_label(code: str) -> str:
    return labels.event_label(code)


@register.filter
def data_items(data) -> list[tuple[str, str]]:
    return labels.data_items(data or {})
