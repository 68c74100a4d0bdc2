"""The rule of the first-line triage: from the worker's yes/no answers to one of three
outcomes. One function, used by the service and explained in docs/knowledge.md."""

from dyzo.knowledge.constants import TriageOutcome, TriageQuestion

# A case for Dyzo's in-depth guidance: any of these answered "yes".
REFER_WHEN_ANY = (
    TriageQuestion.PROCEDURE,
    TriageQuestion.SEVERAL_DEBTS,
    TriageQuestion.VIABILITY,
)


def outcome_of(answers: dict[str, bool]) -> str:
    """REFER when a procedure, several creditors or doubt about viability; otherwise SELF
    when a guide answers the question, else ASK_DYZO (a question by phone or e-mail)."""
    if any(answers.get(question) for question in REFER_WHEN_ANY):
        return TriageOutcome.REFER
    if answers.get(TriageQuestion.GUIDE_ANSWERS):
        return TriageOutcome.SELF
    return TriageOutcome.ASK_DYZO
