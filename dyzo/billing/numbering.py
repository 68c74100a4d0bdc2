"""Gapless numbers per series and year, handed out at issue time.

The counter row is locked (SELECT ... FOR UPDATE) until the issuing transaction commits:
a second issuer waits, and an issuer that fails rolls its increment back with everything
else, so the numbers that exist are exactly 1..N.
"""

from stdnum.be import ogm_vcs

from dyzo.billing.models import NumberCounter


def next_sequence(series: str, year: int) -> int:
    # get_or_create first: on PostgreSQL a second creator of a new year's row waits on the
    # unique index, then finds the committed row.
    NumberCounter.objects.get_or_create(series=series, year=year)
    counter = NumberCounter.objects.select_for_update().get(series=series, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return counter.last_number


def format_number(series: str, year: int, sequence: int) -> str:
    return f"{series}{year}-{sequence:05d}"


def structured_communication(series: str, year: int, sequence: int) -> str:
    """12 digits: year, 1 for invoices / 2 for credit notes, the sequence on 5 digits, and
    the mod-97 check digits (python-stdnum be.ogm_vcs)."""
    base = f"{year:04d}{'1' if series == 'F' else '2'}{sequence:05d}"
    return ogm_vcs.validate(base + ogm_vcs.calc_check_digits(base))
