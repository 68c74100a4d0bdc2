import pytest

from django.core.exceptions import ImproperlyConfigured

from dyzo.billing.seller import seller


def test_default_seller_is_exempt_with_a_reason(db):
    details = seller()
    assert (details.vat_category, details.vat_rate) == ("E", 0)
    assert details.vat_exemption_reason


@pytest.mark.parametrize(
    ("key", "value"),
    [
        ("iban", "BE11000123456749"),
        ("bic", "NOTABIC"),
        ("enterprise_number", "0876543271"),
        ("vat_category", "Z"),
        ("vat_exemption_reason", ""),
    ],
)
def test_wrong_seller_setting_is_named(settings, key, value):
    settings.DYZO_BILLING_SELLER = {**settings.DYZO_BILLING_SELLER, key: value}
    with pytest.raises(ImproperlyConfigured, match="DYZO_BILLING_SELLER"):
        seller()


def test_standard_rate_setting(vat_21):
    assert (seller().vat_category, str(seller().vat_rate)) == ("S", "21")
