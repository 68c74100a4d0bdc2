"""Bounds of numbers, dates and years: the one place that says which values make sense.

Every date and year a person types is checked against a window that fits its meaning
(docs/dates.md). A window is a validator on the model field, so ModelForms and DRF
serializers apply it, and `check_windows(instance)` applies it again in the services (any
caller, a form or not). Windows move with today's date; explicit fixed bounds on integer
fields also make the API schema the same on every database (without them Django derives an
integer's range from the database backend).
"""

import dataclasses
import datetime
import functools

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db.models.signals import pre_save
from django.utils import formats, timezone
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

from dyzo.utils.errors import DomainError

# Dyzo's cooperation with the municipalities began in 2015: nothing it records is older.
FIRST_YEAR = 2015
FIRST_DAY = datetime.date(FIRST_YEAR, 1, 1)
# The widest any year field may be (fixed, for the API schema); windows narrow it.
MIN_YEAR, MAX_YEAR = 1900, 2100
YEAR_VALIDATORS = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
# One activity or answer takes at most a working day.
MINUTES_VALIDATORS = [MaxValueValidator(24 * 60)]
# More than any Belgian municipality has inhabitants.
POPULATION_VALIDATORS = [MaxValueValidator(10_000_000)]
# Version numbers and other counters that stay small.
COUNTER_VALIDATORS = [MaxValueValidator(32767)]


def _years_from(day: datetime.date, years: int) -> datetime.date:
    try:
        return day.replace(year=day.year + years)
    except ValueError:  # 29 February
        return day.replace(year=day.year + years, day=28)


@dataclasses.dataclass(frozen=True)
class Window:
    """Earliest and latest allowed date, in years relative to today (earliest None: FIRST_DAY)."""

    earliest_years: int | None = None  # relative to today; None: FIRST_DAY
    latest_years: int = 0  # relative to today

    def bounds(self, today: datetime.date | None = None) -> tuple[datetime.date, datetime.date]:
        today = today or timezone.localdate()
        if self.earliest_years is None:
            earliest = FIRST_DAY
        else:
            earliest = _years_from(today, self.earliest_years)
        return earliest, _years_from(today, self.latest_years)


# The windows, by meaning. Keep docs/dates.md in step.
DATE_WINDOWS = {
    # Something that happened: a dossier opened, advice given, a contact, a signature.
    "happened": Window(),
    # Work on a dossier, which may be planned up to a year ahead.
    "activity": Window(latest_years=1),
    # A training, which may be planned up to two years ahead.
    "training": Window(latest_years=2),
    # A follow-up to remember, up to five years ahead.
    "follow_up": Window(latest_years=5),
    # The start or end of an agreement: from 2015, up to ten years ahead.
    "agreement": Window(latest_years=10),
    # A self-employed entrepreneur is at least 15 and at most 110 years old.
    "birth": Window(earliest_years=-110, latest_years=-15),
}
# Years of cooperation data (tariffs, decline reasons, filters): 2015 to ten years ahead.
YEAR_WINDOW_AHEAD = 10


def format_day(day: datetime.date) -> str:
    return formats.date_format(day, "SHORT_DATE_FORMAT")


@deconstructible
class DateWindow:
    """Refuses a date outside the window named `meaning` (a key of DATE_WINDOWS)."""

    def __init__(self, meaning: str):
        assert meaning in DATE_WINDOWS, meaning
        self.meaning = meaning

    def __call__(self, value):
        if value is None:
            return
        if isinstance(value, datetime.datetime):
            value = value.date()
        window = DATE_WINDOWS[self.meaning]
        earliest, latest = window.bounds()
        if not earliest <= value <= latest:
            raise ValidationError(
                _("Enter a date between %(earliest)s and %(latest)s."),
                code="date_window",
                params={"earliest": format_day(earliest), "latest": format_day(latest)},
            )

    def __eq__(self, other):
        return isinstance(other, DateWindow) and other.meaning == self.meaning


def year_bounds(today: datetime.date | None = None) -> tuple[int, int]:
    today = today or timezone.localdate()
    return FIRST_YEAR, today.year + YEAR_WINDOW_AHEAD


@deconstructible
class YearWindow:
    """Refuses a year of cooperation data outside FIRST_YEAR .. this year + 10."""

    def __call__(self, value):
        if value is None:
            return
        earliest, latest = year_bounds()
        if not earliest <= value <= latest:
            raise ValidationError(
                _("Enter a year between %(earliest)s and %(latest)s."),
                code="year_window",
                params={"earliest": earliest, "latest": latest},
            )

    def __eq__(self, other):
        return isinstance(other, YearWindow)


COOPERATION_YEAR_VALIDATORS = [*YEAR_VALIDATORS, YearWindow()]


def window_validators(field) -> list:
    return [v for v in field.validators if isinstance(v, DateWindow | YearWindow)]


class OutOfWindow(DomainError):
    """A date or year outside its window reached a save without passing a form."""


def check_windows(instance) -> None:
    """Applies the date and year windows of `instance`'s fields; raises OutOfWindow with
    every refused field's message."""
    messages = []
    for field in instance._meta.concrete_fields:
        value = getattr(instance, field.attname)
        for validator in window_validators(field):
            try:
                validator(value)
            except ValidationError as error:
                messages.extend(f"{field.verbose_name}: {m}" for m in error.messages)
    if messages:
        raise OutOfWindow(" ".join(messages))


@functools.cache
def _has_windows(model) -> bool:
    return any(window_validators(field) for field in model._meta.concrete_fields)


def _refuse_out_of_window(sender, instance, raw=False, **kwargs):
    """Every save of a model with windows checks them, so each service does (and a command
    or the admin cannot slip a year 3000 past the forms). Fixture loading (raw) is exempt."""
    if not raw and _has_windows(sender):
        check_windows(instance)


pre_save.connect(_refuse_out_of_window, dispatch_uid="dyzo.utils.validators.windows")
