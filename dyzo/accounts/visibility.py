"""One way to decide which rows a user sees: the role's scope from data, the rows from the
QuerySet (docs/permissions.md)."""

from django.db import models

from dyzo.accounts.roles import ALL, MUNICIPALITY, ROW_SCOPES, TEAM


def row_scope(user, rows: str) -> str | None:
    """The scope of `rows` for this user's role (ROW_SCOPES), None when they see none."""
    if not user or not user.is_authenticated or not user.is_active:
        return None
    return ROW_SCOPES[rows].get(user.role)


class VisibleQuerySet(models.QuerySet):
    """Gives `visible_to(user)` to a QuerySet, which names its kind of rows (`rows`, a key
    of ROW_SCOPES) and says what the scopes its roles have mean for those rows:
    `of_team(user)` and `of_municipalities(user)`."""

    rows = ""

    def visible_to(self, user):
        scope = row_scope(user, self.rows)
        narrowing = {
            ALL: lambda: self,
            TEAM: lambda: self.of_team(user),
            MUNICIPALITY: lambda: self.of_municipalities(user),
        }
        return narrowing[scope]() if scope in narrowing else self.none()

    def of_team(self, user):
        raise NotImplementedError(f"{type(self).__name__} gives no role the team scope")

    def of_municipalities(self, user):
        raise NotImplementedError(f"{type(self).__name__} gives no role the municipality scope")
