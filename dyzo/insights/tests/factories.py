"""Lines of a cooperation file (nis_code,form,party,reasons), as dicts, and the file."""

import factory

from dyzo.agreements.constants import AgreementParty
from dyzo.insights.constants import Category
from dyzo.insights.importing import COLUMNS


class CooperationLineFactory(factory.DictFactory):
    """A valid line for a municipality of 2018; the traits are the four forms."""

    nis_code = "44021"
    form = Category.NONE.value
    party = ""
    reasons = ""

    class Params:
        annual = factory.Trait(
            form=Category.ANNUAL_AGREEMENT.value, party=AgreementParty.OCMW.value
        )
        per_case = factory.Trait(form=Category.PAY_PER_CASE.value, party=AgreementParty.BOTH.value)
        remote = factory.Trait(form=Category.REMOTE_ONLY.value)
        declined = factory.Trait(reasons="cost_too_high;other:Eigen schuldhulpdienst")


def cooperation_file(*lines: dict, header: str = ",".join(COLUMNS)) -> bytes:
    """The CSV bytes of `lines` under `header`; values are written as given (no quoting)."""
    body = [",".join(str(line.get(column, "")) for column in COLUMNS) for line in lines]
    return ("\n".join([header, *body]) + "\n").encode()
