import datetime
import sys

import pytest

from django.core.management import CommandError, call_command
from django.utils import translation

from dyzo.agreements.constants import AgreementStatus
from dyzo.agreements.models import Agreement
from dyzo.agreements.tests.factories import AgreementFactory
from dyzo.audit.models import AuditEntry
from dyzo.dossiers.models import AdviceEntry
from dyzo.insights.demo import ILLUSTRATIVE_2018
from dyzo.insights.report import build_report
from dyzo.insights.tests.factories import CooperationLineFactory as Line
from dyzo.insights.tests.factories import cooperation_file
from dyzo.localgov.models import Municipality
from dyzo.outreach.constants import DeclineReasonCode
from dyzo.outreach.models import DeclineReason
from dyzo.outreach.tests.factories import DeclineReasonFactory


def run(*args, language: str = "en") -> int:
    """The command's exit status as a shell sees it (Django exits with the CommandError's
    returncode and prints its message to stderr). English messages, unless told.

    Not through ManagementUtility: run_from_argv closes the database connections, which
    would end the test's transaction on PostgreSQL.
    """
    try:
        with translation.override(language):
            call_command("import_cooperation", *map(str, args))
    except CommandError as error:
        sys.stderr.write(f"CommandError: {error}\n")
        return error.returncode
    return 0


def write(tmp_path, content: bytes):
    path = tmp_path / "cooperation.csv"
    path.write_bytes(content)
    return path


def state() -> dict:
    return {
        "agreements": sorted(Agreement.objects.values_list("id", "municipality_id", "form")),
        "advice": sorted(AdviceEntry.objects.values_list("id", "municipality_id")),
        "reasons": sorted(DeclineReason.objects.values_list("id", "municipality_id", "code")),
    }


def categories(year: int) -> dict[str, str]:
    return {row["nis_code"]: row["category"] for row in build_report(year)["municipalities"]}


FAULTS = [
    ("unknown code", Line(nis_code="99999"), "unknown NIS code '99999'"),
    ("not yet existing", Line(nis_code="44083"), "Deinze (44083) did not exist on 1 January 2018"),
    ("wrong form", Line(form="subscription"), "unknown form 'subscription'"),
    ("wrong party", Line(annual=True, party="city"), "unknown party 'city'"),
    ("missing party", Line(annual=True, party=""), "form annual_agreement needs a party"),
    ("party for remote", Line(remote=True, party="ocmw"), "form remote_only takes no party"),
    ("party for none", Line(party="gemeente"), "form none takes no party"),
    (
        "reasons for annual",
        Line(annual=True, reasons="cost_too_high"),
        "form annual_agreement takes no reasons",
    ),
    (
        "reasons for per case",
        Line(per_case=True, reasons="other:x"),
        "form pay_per_case takes no reasons",
    ),
    ("unknown reason", Line(reasons="too_far"), "unknown reason 'too_far'"),
    ("other without text", Line(reasons="other"), "reason 'other' needs a text"),
    ("other with empty text", Line(reasons="other:"), "reason 'other' needs a text"),
    ("text on a coded reason", Line(reasons="cost_too_high:duur"), "only 'other' takes a text"),
    (
        "reason twice",
        Line(reasons="cost_too_high;cost_too_high"),
        "reason 'cost_too_high' given twice",
    ),
]


@pytest.fixture
def earlier_import(db, registry, tmp_path):
    """A valid earlier import of 2018 that a failed import must leave as it is."""
    file = write(tmp_path, cooperation_file(Line(nis_code="41002", annual=True), Line(remote=True)))
    with translation.override("en"):
        call_command("import_cooperation", "--year", "2018", file)
    return state()


@pytest.mark.parametrize(("fault", "line", "message"), FAULTS, ids=[f[0] for f in FAULTS])
def test_a_bad_line_fails_names_the_line_and_changes_nothing(
    earlier_import, tmp_path, capsys, fault, line, message
):
    content = cooperation_file(Line(nis_code="11001", annual=True), line)
    assert run("--year", 2018, write(tmp_path, content)) == 1
    err = capsys.readouterr().err
    assert f"line 3: {message}" in err
    assert "line 2" not in err
    assert state() == earlier_import


def test_every_bad_line_is_listed(earlier_import, tmp_path, capsys):
    content = cooperation_file(
        Line(nis_code="99999"),
        Line(nis_code="11001", annual=True),
        Line(nis_code="11001", remote=True),
        Line(nis_code="11002", form="x"),
    )
    assert run("--year", 2018, write(tmp_path, content)) == 1
    err = capsys.readouterr().err
    assert "line 2: unknown NIS code" in err
    assert "line 4: 11001 appears twice (first on line 3)" in err
    assert "line 5: unknown form 'x'" in err
    assert "line 3" not in err.replace("first on line 3", "")
    assert state() == earlier_import


def test_a_code_of_a_former_municipality_is_refused_after_its_merger(earlier_import, tmp_path):
    content = cooperation_file(Line(nis_code="44049"))  # Nevele, merged into Deinze in 2019
    assert run("--year", 2019, write(tmp_path, content)) == 1
    assert state() == earlier_import


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"nis,form,party,reasons\n44021,none,,\n", "line 1: the header must be"),
        (b"nis_code,form,party\n44021,none,\n", "line 1: the header must be"),
        (b"nis_code,form,party,reasons\n44021,none,,,extra\n", "line 2: more columns"),
        ("nis_code,form,party,reasons\n44021,none,,other:caf\xe9\n".encode("latin-1"), "UTF-8"),
    ],
)
def test_a_malformed_file_fails_and_changes_nothing(
    earlier_import, tmp_path, capsys, content, message
):
    assert run("--year", 2018, write(tmp_path, content)) == 1
    assert message in capsys.readouterr().err
    assert state() == earlier_import


def test_a_good_file_creates_marked_records_and_missing_municipalities_are_none(
    db, registry, tmp_path
):
    content = cooperation_file(
        Line(nis_code="44021", annual=True),
        Line(nis_code="41002", per_case=True),
        Line(nis_code="11001", remote=True, reasons="no_need_perceived"),
        Line(nis_code="11002", declined=True),
    )
    assert run("--year", 2018, write(tmp_path, content)) == 0
    annual = Agreement.objects.get(municipality__nis_code="44021")
    assert annual.imported_for_year == 2018
    assert annual.status == AgreementStatus.SIGNED
    assert (annual.starts_on, annual.ends_on, annual.signed_on) == (
        datetime.date(2018, 1, 1),
        datetime.date(2018, 12, 31),
        datetime.date(2018, 1, 1),
    )
    assert AdviceEntry.objects.get().imported_for_year == 2018
    reasons = DeclineReason.objects.filter(imported=True, year=2018)
    assert sorted(reasons.values_list("municipality__nis_code", "code", "text")) == [
        ("11001", "no_need_perceived", ""),
        ("11002", "cost_too_high", ""),
        ("11002", "other", "Eigen schuldhulpdienst"),
    ]
    found = categories(2018)
    assert [found[c] for c in ("44021", "41002", "11001", "11002")] == [
        "annual_agreement",
        "pay_per_case",
        "remote_only",
        "none",
    ]
    assert list(found.values()).count("none") == 308 - 3


def test_importing_again_replaces_only_that_years_imported_records(db, registry, tmp_path):
    gent, aalst = (Municipality.objects.get(nis_code=c) for c in ("44021", "41002"))
    manual = AgreementFactory(
        municipality=aalst, status=AgreementStatus.SIGNED, starts_on=datetime.date(2018, 3, 1)
    )
    manual_reason = DeclineReasonFactory(municipality=gent, year=2018)
    other_year = AgreementFactory(
        municipality=gent,
        imported=True,
        imported_for_year=2019,
        starts_on=datetime.date(2019, 1, 1),
        ends_on=datetime.date(2019, 12, 31),
    )
    first = cooperation_file(Line(annual=True), Line(nis_code="11001", reasons="cost_too_high"))
    assert run("--year", 2018, write(tmp_path, first)) == 0
    second = cooperation_file(Line(nis_code="11002", per_case=True))
    assert run("--year", 2018, write(tmp_path, second)) == 0
    imported = Agreement.objects.filter(imported_for_year=2018)
    assert list(imported.values_list("municipality__nis_code", flat=True)) == ["11002"]
    assert Agreement.objects.filter(pk__in=[manual.pk, other_year.pk]).count() == 2
    assert list(DeclineReason.objects.all()) == [manual_reason]
    assert categories(2018)["44021"] == "none"
    assert categories(2018)["41002"] == "annual_agreement"  # the manual agreement


def test_a_reason_already_entered_by_hand_is_not_imported_twice(db, registry, tmp_path):
    gent = Municipality.objects.get(nis_code="44021")
    DeclineReasonFactory(municipality=gent, year=2018, code=DeclineReasonCode.COST_TOO_HIGH)
    content = cooperation_file(Line(reasons="cost_too_high;no_need_perceived"))
    assert run("--year", 2018, write(tmp_path, content)) == 0
    assert sorted(DeclineReason.objects.values_list("code", "imported")) == [
        ("cost_too_high", False),
        ("no_need_perceived", True),
    ]


def test_the_command_prints_a_summary_and_warns_about_other_records(db, registry, tmp_path, capsys):
    AgreementFactory(status=AgreementStatus.SIGNED, starts_on=datetime.date(2018, 3, 1))  # Gent
    assert run("--year", 2018, write(tmp_path, cooperation_file(Line(remote=True)))) == 0
    out = capsys.readouterr().out
    assert "1 municipalities in the file, 0 agreements, 1 phone/mail placeholders" in out
    assert "44021: the file says remote_only, other records make it annual_agreement" in out


def test_the_import_is_audited(db, registry, tmp_path):
    assert run("--year", 2018, write(tmp_path, cooperation_file(Line(annual=True)))) == 0
    entry = AuditEntry.objects.get(code="cooperation.imported")
    assert entry.data["year"] == 2018
    assert entry.data["agreements"] == 1


def test_the_illustrative_file_imports_cleanly(db, registry, capsys):
    assert run("--year", 2018, ILLUSTRATIVE_2018) == 0
    assert "308 municipalities in the file, 146 agreements, 3 phone/mail placeholders" in (
        capsys.readouterr().out
    )
    assert run("--year", 2018, ILLUSTRATIVE_2018) == 0  # again: replaced, not doubled
    assert Agreement.objects.count() == 146


def test_the_messages_are_dutch_by_default(earlier_import, tmp_path, capsys):
    content = cooperation_file(Line(nis_code="99999"))
    assert run("--year", 2018, write(tmp_path, content), language="nl-be") == 1
    err = capsys.readouterr().err
    assert "regel 2: onbekende NIS-code '99999'" in err
    assert "Er werd niets geïmporteerd." in err


def test_a_year_without_municipalities_is_refused(db, registry, tmp_path):
    assert run("--year", 1990, write(tmp_path, cooperation_file(Line()))) == 1
