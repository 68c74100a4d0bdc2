"""Who may move a dossier from which status to which. The table is the rule; the services
check it, the templates use it to offer only the buttons that will work.

An "expert" here is an expert who is on the dossier's team.
"""

from dyzo.accounts.constants import Role
from dyzo.dossiers.constants import DossierStatus as S

COORDINATOR = "coordinator"
TEAM_EXPERT = "team_expert"

TRANSITIONS: dict[tuple[str, str], frozenset[str]] = {
    (S.INTAKE, S.DATA_COLLECTION): frozenset({COORDINATOR}),
    (S.DATA_COLLECTION, S.INVESTIGATION): frozenset({COORDINATOR, TEAM_EXPERT}),
    (S.INVESTIGATION, S.REPORT_DRAFTING): frozenset({COORDINATOR, TEAM_EXPERT}),
    # Only through delivering the approved report (dyzo.reports.services.deliver_report).
    (S.REPORT_DRAFTING, S.REPORT_DELIVERED): frozenset({COORDINATOR}),
    # Only with an outcome (close_dossier).
    (S.REPORT_DELIVERED, S.CLOSED): frozenset({COORDINATOR}),
    **{(status, S.CANCELLED): frozenset({COORDINATOR}) for status in S.open_values()},
}

# The transitions a plain "move on" button may make; the others have their own service.
SIMPLE_STEPS = {
    (S.INTAKE, S.DATA_COLLECTION),
    (S.DATA_COLLECTION, S.INVESTIGATION),
    (S.INVESTIGATION, S.REPORT_DRAFTING),
}


def actor_kinds(dossier, user, *, team_user_ids=None) -> set[str]:
    """What `user` counts as for `dossier`. Pass `team_user_ids` when already known."""
    if not user.is_authenticated or not user.is_active:
        return set()
    if user.is_coordinator:
        return {COORDINATOR}
    if team_user_ids is None:
        team_user_ids = set(dossier.team.values_list("user_id", flat=True))
    if user.role == Role.EXPERT and user.pk in team_user_ids:
        return {TEAM_EXPERT}
    return set()


def may_transition(dossier, to_status: str, user, **kwargs) -> bool:
    allowed = TRANSITIONS.get((dossier.status, to_status), frozenset())
    return bool(allowed & actor_kinds(dossier, user, **kwargs))


def next_simple_step(dossier) -> str | None:
    for source, target in SIMPLE_STEPS:
        if source == dossier.status:
            return target
    return None
