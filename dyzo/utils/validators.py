"""Bounds shared by several models. Explicit bounds also make the API schema the same on every
database: without them Django derives an integer's range from the database backend."""

from django.core.validators import MaxValueValidator, MinValueValidator

MIN_YEAR, MAX_YEAR = 1900, 2100
YEAR_VALIDATORS = [MinValueValidator(MIN_YEAR), MaxValueValidator(MAX_YEAR)]
# One activity or answer takes at most a working day.
MINUTES_VALIDATORS = [MaxValueValidator(24 * 60)]
# More than any Belgian municipality has inhabitants.
POPULATION_VALIDATORS = [MaxValueValidator(10_000_000)]
# Version numbers and other counters that stay small.
COUNTER_VALIDATORS = [MaxValueValidator(32767)]
