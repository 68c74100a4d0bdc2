"""Reads of the dossiers app. `visible_to(user)` (dyzo.accounts.visibility) decides who
sees which rows, from the role data of dyzo/accounts/roles.py (ROW_SCOPES); views and API
querysets start from it. Each QuerySet here only says which rows the team and municipality
scopes mean: coordinators see everything; experts the dossiers they are on (and what hangs
under them); municipal workers what belongs to the municipalities whose gemeente or OCMW
they work for and of those that merged into them (`user.area_ids()`); analysts and
administrators nothing (they work with aggregates).
"""

import datetime

from django.db.models import Q

from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.dossiers.constants import DossierStatus
from dyzo.dossiers.text_search import contains
from dyzo.utils import lookups  # noqa: F401 (registers the in_literals lookup)

# Up to this many people matching a search are looked up by id (see DossierQuerySet.search).
SEARCH_FEW = 1000
ENTREPRENEURS, DOSSIERS = "dossiers_entrepreneur", "dossiers_dossier"


class DossierQuerySet(VisibleQuerySet):
    rows = "dossier"

    def of_team(self, user):
        return self.with_expert(user)

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def open(self):
        # Written into the SQL, so that SQLite uses the open-dossier partial indexes.
        return self.filter(status__in_literals=DossierStatus.open_values())

    def of_year(self, year: int):
        return self.filter(year=year)

    def search(self, text: str):
        """Dossiers whose reference or entrepreneur's name contains `text`.

        Runs one query itself: how many people bear the name decides the plan. A rare name
        (at most SEARCH_FEW people) becomes a list of ids, looked up through the dossiers'
        entrepreneur index and the trigram indexes (migration 0004; on SQLite the FTS5
        tables of dyzo/dossiers/text_search.py). A common one is matched on the joined
        entrepreneur: the database then walks the dossiers newest first and stops when the
        page is full, instead of collecting every match first (docs/performance.md)."""
        text = text.strip()
        if not text:
            return self
        from dyzo.dossiers.models import Entrepreneur

        names = ["last_name", "first_name"]
        people = Entrepreneur.objects.filter(contains(ENTREPRENEURS, names, text))
        # order_by(): in name order PostgreSQL would walk the whole name index.
        ids = list(people.order_by().values_list("pk", flat=True)[: SEARCH_FEW + 1])
        if len(ids) <= SEARCH_FEW:
            by_name = Q(entrepreneur__in=ids)
        else:
            # Matches are common: walking the newest dossiers and testing the joined name
            # fills the page soonest, on both databases (a list of every match would not).
            by_name = Q(entrepreneur__last_name__icontains=text) | Q(
                entrepreneur__first_name__icontains=text
            )
        return self.filter(contains(DOSSIERS, ["reference"], text) | by_name)

    def with_expert(self, user):
        """Dossiers with `user` on the team, as `id IN (their team rows)`: read from
        TeamMember (user, -dossier) on both databases, at a cost bounded by the user's own
        dossiers. As a join, SQLite drove the list from the team rows and sorted all of
        them for the first page (90 ms for 25,000); as EXISTS it would walk every dossier
        for a user with few. PostgreSQL plans all three the same."""
        from dyzo.dossiers.models import TeamMember

        return self.filter(pk__in=TeamMember.objects.filter(user=user).values("dossier_id"))

    def in_status_longer_than(self, days: int, today: datetime.date | None = None):
        """Open dossiers whose current status started more than `days` days ago."""
        today = today or datetime.date.today()
        limit = today - datetime.timedelta(days=days)
        return self.open().filter(status_changed_on__lt=limit)

    def for_rows(self, *, with_help_request: bool = False):
        """What a list row shows: the entrepreneur and municipality joined, without the
        encrypted free text no row shows (decrypting it was most of a row's cost)."""
        deferred = ["entrepreneur__situation_notes"]
        if not with_help_request:
            deferred.append("help_request")
        return self.select_related("entrepreneur", "municipality").defer(*deferred)

    def per_case_delivered_in(self, year: int):
        """Per-case dossiers whose report was delivered in `year` (they make a municipality
        `pay_per_case` in the cooperation report)."""
        from dyzo.dossiers.constants import DossierBasis

        return self.filter(basis=DossierBasis.PER_CASE, report_delivered_on__year=year)


class EntrepreneurQuerySet(VisibleQuerySet):
    rows = "entrepreneur"

    def of_team(self, user):
        # An entrepreneur with two dossiers of the same expert must appear once.
        return self.filter(dossiers__team__user=user).distinct()

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        digits = "".join(ch for ch in text if ch.isdigit())
        if len(digits) >= 4 and len(digits) == len(text.replace(".", "").replace(" ", "")):
            return self.filter(enterprise_number__contains=digits)
        return self.filter(contains(ENTREPRENEURS, ["last_name", "first_name"], text))


class AdviceEntryQuerySet(VisibleQuerySet):
    rows = "advice"

    def of_team(self, user):
        # Advice has no dossier: an expert's team is the advice they gave.
        return self.filter(handled_by=user)

    def of_municipalities(self, user):
        return self.filter(municipality_id__in=user.area_ids())

    def logged(self):
        """Real advice, not the historical placeholders of the cooperation import."""
        return self.filter(imported_for_year__isnull=True)

    def given_in(self, year: int):
        logged, imported = self.given_in_parts(year)
        return logged | imported

    def given_in_parts(self, year: int):
        """given_in(year) as its two parts, each served by one index: the advice logged in
        `year` and the cooperation import's placeholders for `year`."""
        return (
            self.filter(imported_for_year__isnull=True, asked_on__year=year),
            self.filter(imported_for_year=year),
        )


class DossierPartQuerySet(VisibleQuerySet):
    """Activities and documents: the working material of a dossier, which municipal workers
    do not see (ROW_SCOPES)."""

    rows = "dossier_part"

    def of_team(self, user):
        return self.filter(dossier__team__user=user)


class TeamMemberQuerySet(DossierPartQuerySet):
    # Referring workers may know who works on the dossiers of their municipality.
    rows = "team_member"

    def of_municipalities(self, user):
        return self.filter(dossier__municipality_id__in=user.area_ids())
