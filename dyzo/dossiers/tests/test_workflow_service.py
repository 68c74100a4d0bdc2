import pytest

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.constants import DossierStatus, Outcome
from dyzo.dossiers.errors import DossierConflict, DossierError, TransitionNotAllowed
from dyzo.dossiers.models import Dossier
from dyzo.dossiers.services import cancel_dossier, close_dossier, move_dossier, update_dossier
from dyzo.dossiers.tests.factories import DossierFactory, TeamMemberFactory
from dyzo.dossiers.workflow import TRANSITIONS

pytestmark = pytest.mark.django_db
S = DossierStatus


def on_team(dossier, user):
    TeamMemberFactory(dossier=dossier, user=user)
    return dossier


@pytest.mark.parametrize(
    ("start", "target"),
    [
        (S.INTAKE, S.DATA_COLLECTION),
        (S.DATA_COLLECTION, S.INVESTIGATION),
        (S.INVESTIGATION, S.REPORT_DRAFTING),
    ],
)
def test_coordinator_moves_each_plain_step(coordinator, start, target):
    dossier = DossierFactory(status=start)
    move_dossier(dossier, target, actor=coordinator)
    assert dossier.status == target
    assert dossier.version == 2
    change = dossier.status_changes.last()
    assert (change.from_status, change.to_status, change.actor) == (start, target, coordinator)


@pytest.mark.parametrize(
    ("start", "target", "allowed"),
    [
        (S.INTAKE, S.DATA_COLLECTION, False),
        (S.DATA_COLLECTION, S.INVESTIGATION, True),
        (S.INVESTIGATION, S.REPORT_DRAFTING, True),
    ],
)
def test_an_expert_on_the_team_moves_only_their_steps(expert, start, target, allowed):
    dossier = on_team(DossierFactory(status=start), expert)
    if allowed:
        move_dossier(dossier, target, actor=expert)
        assert dossier.status == target
    else:
        with pytest.raises(TransitionNotAllowed):
            move_dossier(dossier, target, actor=expert)
        dossier.refresh_from_db()
        assert dossier.status == start
        assert dossier.status_changes.count() == 1


def test_an_expert_off_the_team_moves_nothing(expert):
    dossier = DossierFactory(data_collection=True)
    with pytest.raises(TransitionNotAllowed):
        move_dossier(dossier, S.INVESTIGATION, actor=expert)


@pytest.mark.parametrize("persona", ["worker_of_gent", "analyst", "administrator"])
def test_other_roles_move_nothing(request, persona):
    user = request.getfixturevalue(persona)
    dossier = DossierFactory(data_collection=True)
    with pytest.raises(TransitionNotAllowed, match="cannot move this dossier"):
        move_dossier(dossier, S.INVESTIGATION, actor=user)


def test_skipping_a_step_is_refused_and_changes_nothing(coordinator):
    dossier = DossierFactory()
    with pytest.raises(TransitionNotAllowed):
        move_dossier(dossier, S.REPORT_DRAFTING, actor=coordinator)
    dossier.refresh_from_db()
    assert (dossier.status, dossier.version) == (S.INTAKE, 1)


def test_report_delivered_is_not_a_plain_step(coordinator):
    with pytest.raises(TransitionNotAllowed, match="own action"):
        move_dossier(DossierFactory(report_drafting=True), S.REPORT_DELIVERED, actor=coordinator)


def test_close_needs_a_delivered_report(coordinator):
    dossier = DossierFactory(report_drafting=True)
    with pytest.raises(TransitionNotAllowed):
        close_dossier(dossier, Outcome.RESTRUCTURED, actor=coordinator)
    dossier.refresh_from_db()
    assert dossier.outcome == ""


def test_close_records_the_outcome(coordinator):
    dossier = close_dossier(
        DossierFactory(report_delivered=True), Outcome.BANKRUPTCY, actor=coordinator
    )
    assert (dossier.status, dossier.outcome) == (S.CLOSED, Outcome.BANKRUPTCY)
    assert dossier.closed_on


def test_close_without_outcome_is_refused(coordinator):
    with pytest.raises(DossierError, match="outcome"):
        close_dossier(DossierFactory(report_delivered=True), "", actor=coordinator)


def test_an_expert_cannot_close(expert):
    dossier = on_team(DossierFactory(report_delivered=True), expert)
    with pytest.raises(TransitionNotAllowed):
        close_dossier(dossier, Outcome.STOPPED, actor=expert)


@pytest.mark.parametrize("start", S.open_values())
def test_coordinator_cancels_any_open_dossier(coordinator, start):
    dossier = cancel_dossier(DossierFactory(status=start), actor=coordinator, note="Afgehaakt")
    assert dossier.status == S.CANCELLED
    assert dossier.status_changes.last().note == "Afgehaakt"


def test_cancel_needs_a_reason(coordinator):
    with pytest.raises(DossierError):
        cancel_dossier(DossierFactory(), actor=coordinator, note=" ")


def test_finished_dossiers_cannot_be_cancelled(coordinator):
    with pytest.raises(TransitionNotAllowed):
        cancel_dossier(DossierFactory(closed=True), actor=coordinator, note="x")


def test_every_transition_names_who_may_make_it():
    assert all(TRANSITIONS.values())


def test_update_with_the_current_version_saves(coordinator):
    dossier = DossierFactory()
    update_dossier(dossier, {"help_request": "Nieuw"}, version=1, actor=coordinator)
    assert (dossier.help_request, dossier.version) == ("Nieuw", 2)


def test_update_with_a_stale_version_is_a_conflict_and_writes_nothing(coordinator):
    dossier = DossierFactory()
    update_dossier(dossier, {"help_request": "Eerste"}, version=1, actor=coordinator)
    with pytest.raises(DossierConflict, match="Someone else saved this dossier"):
        update_dossier(dossier, {"help_request": "Tweede"}, version=1, actor=coordinator)
    dossier.refresh_from_db()
    assert (dossier.help_request, dossier.version) == ("Eerste", 2)


def test_a_transition_with_a_stale_version_is_a_conflict(coordinator):
    dossier = DossierFactory()
    update_dossier(dossier, {"help_request": "x"}, version=1, actor=coordinator)
    with pytest.raises(DossierConflict):
        move_dossier(dossier, S.DATA_COLLECTION, actor=coordinator, version=1)


def test_an_expert_off_the_team_cannot_edit(expert):
    with pytest.raises(DossierError):
        update_dossier(DossierFactory(), {"help_request": "x"}, version=1, actor=expert)


def test_second_coordinator_is_also_a_coordinator():
    other = UserFactory(username="coordinator2", coordinator=True)
    dossier = DossierFactory()
    move_dossier(dossier, S.DATA_COLLECTION, actor=other)
    assert dossier.status == S.DATA_COLLECTION


def test_a_stale_move_says_someone_else_moved_the_dossier(coordinator):
    dossier = DossierFactory()
    stale = Dossier.objects.get(pk=dossier.pk)
    move_dossier(dossier, S.DATA_COLLECTION, actor=coordinator)
    with pytest.raises(DossierConflict, match="Someone else moved this dossier"):
        move_dossier(stale, S.INVESTIGATION, actor=coordinator, version=stale.version)
    dossier.refresh_from_db()
    assert dossier.status == S.DATA_COLLECTION


def test_a_step_out_of_order_says_it_is_not_allowed(coordinator):
    with pytest.raises(TransitionNotAllowed, match="that step is not allowed"):
        move_dossier(DossierFactory(), S.REPORT_DRAFTING, actor=coordinator)
