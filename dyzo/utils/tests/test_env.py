import pytest

from django.core.exceptions import ImproperlyConfigured

from dyzo.utils.env import env_bool, env_int, env_list, env_str


def test_env_bool(monkeypatch):
    monkeypatch.setenv("FLAG", "yes")
    assert env_bool("FLAG") is True
    monkeypatch.setenv("FLAG", "0")
    assert env_bool("FLAG", True) is False
    monkeypatch.delenv("FLAG")
    assert env_bool("FLAG", True) is True
    monkeypatch.setenv("FLAG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="FLAG must be a boolean"):
        env_bool("FLAG")


def test_env_int_and_list(monkeypatch):
    monkeypatch.setenv("NUMBER", "12")
    assert env_int("NUMBER", 3) == 12
    monkeypatch.setenv("NUMBER", "twelve")
    with pytest.raises(ImproperlyConfigured):
        env_int("NUMBER", 3)
    monkeypatch.setenv("HOSTS", "a.example, b.example,")
    assert env_list("HOSTS") == ["a.example", "b.example"]
    assert env_list("UNSET_LIST", ["x"]) == ["x"]


def test_env_str_without_default_must_be_set(monkeypatch):
    monkeypatch.delenv("SECRET_THING", raising=False)
    with pytest.raises(ImproperlyConfigured, match="SECRET_THING"):
        env_str("SECRET_THING")
    assert env_str("SECRET_THING", "dev") == "dev"
