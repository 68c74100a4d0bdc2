import io
import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice

from django.core.management import CommandError, call_command

from dyzo.accounts.demo import build_demo
from dyzo.accounts.models import User


def test_demo_coordinator_and_administrator_get_a_printed_key(registry):
    out = io.StringIO()

    build_demo(out)

    keys = dict(re.findall(r"TOTP key of (\w+): ([A-Z2-7 ]+)", out.getvalue()))
    assert set(keys) == {"coordinator", "admin"}
    device = TOTPDevice.objects.get(user__username="coordinator")
    assert device.confirmed
    assert keys["coordinator"].replace(" ", "") in device.config_url


def test_running_the_demo_again_replaces_the_key(registry):
    build_demo(io.StringIO())
    first = TOTPDevice.objects.get(user__username="coordinator").key

    build_demo(io.StringIO())

    assert TOTPDevice.objects.get(user__username="coordinator").key != first


def test_totp_code_prints_a_working_code_in_development(registry, settings):
    build_demo(io.StringIO())
    settings.DEBUG = True
    out = io.StringIO()

    call_command("totp_code", "coordinator", stdout=out)

    device = TOTPDevice.objects.get(user=User.objects.get(username="coordinator"))
    assert device.verify_token(out.getvalue().strip())


def test_totp_code_is_refused_in_production(registry, settings):
    build_demo(io.StringIO())
    settings.DEBUG = False

    with pytest.raises(CommandError, match="DEBUG"):
        call_command("totp_code", "coordinator")
