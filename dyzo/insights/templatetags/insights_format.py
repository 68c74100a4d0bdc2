from django import template

from dyzo.insights.tables import category_label as _category_label

register = template.Library()


@register.filter
def category_label(code: str) -> str:
    return _category_label(code)
