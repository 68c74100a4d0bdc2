import shutil

import pytest

from django.conf import settings
from django.core.management import CommandError, call_command
from django.utils import translation

from dyzo.localgov.models import Merger, Municipality, Party, Population, Province


def registry_state():
    return {
        "provinces": list(Province.objects.values_list("nis_code", "name")),
        "municipalities": list(
            Municipality.objects.values_list("nis_code", "name", "valid_from", "valid_to")
        ),
        "parties": Party.objects.count(),
        "mergers": list(Merger.objects.values_list("predecessor__nis_code", "successor__nis_code")),
        "populations": Population.objects.count(),
    }


@pytest.fixture
def data_dir(tmp_path):
    target = tmp_path / "data"
    shutil.copytree(settings.LOCALGOV_DATA_DIR, target)
    return target


def test_loads_every_municipality_with_two_parties(registry):
    assert Province.objects.count() == 5
    assert Municipality.objects.count() == 327  # 308 of 2018 plus 7 new in 2019 and 12 in 2025
    assert Party.objects.count() == 2 * 327
    assert Merger.objects.count() == 42  # mergers.csv minus Antwerpen kept its own code


def test_running_twice_leaves_the_same_state(registry, capsys):
    before = registry_state()
    call_command("load_localgov")
    assert registry_state() == before
    assert "327 municipalities" in capsys.readouterr().out


def test_merged_municipalities_get_their_period(registry):
    nevele = Municipality.objects.get(nis_code="44049")
    deinze = Municipality.objects.get(nis_code="44083")
    assert str(nevele.valid_to) == "2018-12-31"
    assert str(deinze.valid_from) == "2019-01-01"
    assert deinze.merged_from.count() == 2


def test_antwerpen_keeps_its_code_and_absorbs_borsbeek(registry):
    antwerpen = Municipality.objects.get(nis_code="11002")
    assert antwerpen.valid_from is None and antwerpen.valid_to is None
    assert [m.predecessor.nis_code for m in antwerpen.merged_from.all()] == ["11007"]


def test_zwijndrecht_changes_province_through_its_merger(registry):
    zwijndrecht = Municipality.objects.get(nis_code="11056")
    successor = zwijndrecht.merged_into.get().successor
    assert zwijndrecht.province.name == "Antwerpen"
    assert (successor.nis_code, successor.province.name) == ("46030", "Oost-Vlaanderen")


@pytest.mark.parametrize(
    ("file_name", "old", "new", "message"),
    [
        (
            "municipalities_2019.csv",
            "11001,Aartselaar",
            "1100X,Aartselaar",
            "regel 2: '1100X' is geen NIS-code van 5 cijfers",
        ),
        ("municipalities_2018.csv", "11001,Aartselaar,", "11001,,", "regel 2: lege naam"),
        (
            "municipalities_2018.csv",
            ",14304,",
            ",many,",
            "regel 2: 'many' is geen bevolkingscijfer",
        ),
        (
            "mergers.csv",
            "2019-01-01,12030",
            "2019-13-01,12030",
            "regel 2: '2019-13-01' is geen datum",
        ),
    ],
)
def test_malformed_file_changes_nothing(registry, data_dir, file_name, old, new, message):
    path = data_dir / file_name
    path.write_text(path.read_text(encoding="utf-8").replace(old, new, 1), encoding="utf-8")
    Municipality.objects.filter(nis_code="11001").update(name="Changed before the load")
    before = registry_state()

    with pytest.raises(CommandError, match=message):
        call_command("load_localgov", data_dir=str(data_dir))

    assert registry_state() == before


def test_missing_column_is_named(registry, data_dir):
    path = data_dir / "municipalities_2025.csv"
    text = path.read_text(encoding="utf-8").replace("province_nis", "provnis", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(CommandError, match="mist de kolommen: province_nis"):
        call_command("load_localgov", data_dir=str(data_dir))


def test_messages_follow_the_active_language(registry, data_dir):
    (data_dir / "mergers.csv").unlink()
    with translation.override("en"), pytest.raises(CommandError, match="File not found"):
        call_command("load_localgov", data_dir=str(data_dir))


def test_municipality_leaving_without_merger_is_refused(registry, data_dir):
    path = data_dir / "mergers.csv"
    lines = [line for line in path.read_text().splitlines() if ",44049," not in line]
    path.write_text("\n".join(lines) + "\n")
    with pytest.raises(CommandError, match="44049 Nevele verdwijnt uit de lijsten"):
        call_command("load_localgov", data_dir=str(data_dir))


def test_project_copy_equals_the_shared_reference_data():
    shared = settings.BASE_DIR.parent / "shared" / "data"
    if not shared.exists():
        pytest.skip("the shared reference data folder is not beside the project")
    for path in sorted(settings.LOCALGOV_DATA_DIR.glob("*.csv")):
        assert path.read_bytes() == (shared / path.name).read_bytes(), path.name


def test_failure_while_writing_leaves_no_half_written_registry(registry, monkeypatch):
    Municipality.objects.filter(nis_code="11001").update(name="Changed before the load")
    before = registry_state()

    def fail(*args, **kwargs):
        raise RuntimeError("disk full")

    monkeypatch.setattr(Population.objects, "update_or_create", fail)
    with pytest.raises(RuntimeError):
        call_command("load_localgov")

    assert registry_state() == before
