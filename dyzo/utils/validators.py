"""Bounds shared by several models. Explicit bounds also make the API schema the same on every
database: without them Django derives an integer's range from the database backend."""

from django.core.validators import MaxValueValidator, MinValueValidator

YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
# One activity or answer takes at most a working day.
MINUTES_VALIDATORS = [MaxValueValidator(24 * 60)]
# More than any Belgian municipality has inhabitants.
POPULATION_VALIDATORS = [MaxValueValidator(10_000_000)]
# Version numbers and other counters that stay small.
COUNTER_VALIDATORS = [MaxValueValidator(32767)]
