from dyzo.utils.errors import DomainError


class BillingError(DomainError):
    """A billing rule refused a change (issuing, crediting, paying, importing)."""
