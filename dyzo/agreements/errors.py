from dyzo.utils.errors import DomainError


class AgreementError(DomainError):
    """An agreement change that the rules refuse."""


class AgreementTransitionError(AgreementError):
    """A status change that is not allowed from the agreement's current status."""


class TariffError(DomainError):
    """A tariff schedule that is not coherent (overlapping brackets, a taken year...)."""
