from decimal import Decimal

import pytest

from django.template import Context, Template
from django.utils import translation

from dyzo.utils.templatetags.dyzo_format import format_euro


@pytest.mark.parametrize(
    ("amount", "shown"),
    [
        (Decimal("1234.56"), "EUR 1.234,56"),
        (1234567.5, "EUR 1.234.567,50"),
        (0, "EUR 0,00"),
        ("-12.345", "EUR -12,35"),
        (Decimal("999.995"), "EUR 1.000,00"),
        (None, ""),
        ("abc", ""),
    ],
)
def test_format_euro(amount, shown):
    assert format_euro(amount) == shown


def test_euro_filter_is_belgian_in_english_too():
    template = Template("{% load dyzo_format %}{{ amount|euro }}")
    with translation.override("en"):
        assert template.render(Context({"amount": Decimal("2500")})) == "EUR 2.500,00"
