from dyzo.utils.errors import DomainError


class GuideError(DomainError):
    """A rule of the knowledge base refused a change to a guide."""


class TriageError(DomainError):
    """A rule of the first-line triage refused an answer or a follow-up."""


class TrainingError(DomainError):
    """A rule of trainings refused a registration, cancellation, attendance or evaluation."""


class SurveyError(DomainError):
    """A rule of the satisfaction survey refused an answer."""
