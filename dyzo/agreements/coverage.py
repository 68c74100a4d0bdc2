"""Which agreement covers a referral: the one rule, used by the dossiers (their basis), the
portal and billing. The rule is written out in docs/decisions/0005-coverage-and-mergers.md;
the cooperation report counts the same agreements for the same municipality because both
follow mergers through `dyzo.localgov.registry`.
"""

import datetime

from dyzo.agreements.constants import AgreementForm
from dyzo.agreements.models import Agreement
from dyzo.dossiers.constants import DossierBasis


def basis_for(municipality, on: datetime.date, referring_party: str) -> str:
    """What pays for a referral by `referring_party` (gemeente or OCMW) of `municipality`
    opened on `on`: a subscription that covers it makes it a subscription case, else a
    per-case agreement that covers it makes it billable per case, else it is not covered.
    An agreement covers the referrals of the party that signed it (both parties when signed
    by both), also after its municipality merged into another."""
    forms = set(
        Agreement.objects.covering(municipality, on, referring_party).values_list("form", flat=True)
    )
    if AgreementForm.ANNUAL in forms:
        return DossierBasis.SUBSCRIPTION
    if AgreementForm.PAY_PER_CASE in forms:
        return DossierBasis.PER_CASE
    return DossierBasis.NOT_COVERED
