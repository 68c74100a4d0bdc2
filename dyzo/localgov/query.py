import datetime

from django.db import models
from django.db.models import Q


def first_of_january(year: int) -> datetime.date:
    return datetime.date(year, 1, 1)


class MunicipalityQuerySet(models.QuerySet):
    def existing_on(self, date: datetime.date):
        """Municipalities that existed on `date` (valid_from/valid_to are inclusive)."""
        return self.filter(
            Q(valid_from__isnull=True) | Q(valid_from__lte=date),
            Q(valid_to__isnull=True) | Q(valid_to__gte=date),
        )

    def of_year(self, year: int):
        """The set of a year: the municipalities that existed on 1 January."""
        return self.existing_on(first_of_january(year))

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        if text.isdigit():
            return self.filter(nis_code__startswith=text)
        return self.filter(name__icontains=text)

    def with_population(self, year: int):
        from dyzo.localgov.models import Population

        figure = Population.objects.filter(municipality=models.OuterRef("pk"), year=year)
        return self.annotate(population=models.Subquery(figure.values("inhabitants")[:1]))

    def with_population_counted_by(self, year: int):
        """`population` and `population_year`: the latest figure counted on 1 January of
        `year` or earlier, and its year (None when nothing was counted by then). Two
        subqueries of one query; the sum over a merger is the tariff's (pricing.py)."""
        from dyzo.localgov.models import Population

        latest = Population.objects.filter(
            municipality=models.OuterRef("pk"), year__lte=year
        ).order_by("-year")
        return self.annotate(
            population=models.Subquery(latest.values("inhabitants")[:1]),
            population_year=models.Subquery(latest.values("year")[:1]),
        )
