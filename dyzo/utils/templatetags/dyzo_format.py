from decimal import ROUND_HALF_UP, Decimal, InvalidOperation

from django import template

register = template.Library()


def format_euro(amount) -> str:
    """EUR 1.234,56: the Belgian way, whatever the UI language."""
    if amount is None or amount == "":
        return ""
    try:
        value = Decimal(amount).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
    except (InvalidOperation, TypeError, ValueError):
        return ""
    sign = "-" if value < 0 else ""
    whole, cents = f"{abs(value):.2f}".split(".")
    groups = []
    while whole:
        groups.insert(0, whole[-3:])
        whole = whole[:-3]
    return f"EUR {sign}{'.'.join(groups)},{cents}"


@register.filter
def euro(amount) -> str:
    return format_euro(amount)
