from dyzo.accounts.visibility import VisibleQuerySet
from dyzo.reports.constants import ReportStatus


class WrittenReportQuerySet(VisibleQuerySet):
    """Coordinators all; experts the reports of their dossiers; municipal workers only
    delivered reports of their municipalities' dossiers; everyone else none (ROW_SCOPES)."""

    rows = "report"

    def of_team(self, user):
        return self.filter(dossier__team__user=user)

    def of_municipalities(self, user):
        return self.filter(
            status=ReportStatus.DELIVERED, dossier__municipality_id__in=user.area_ids()
        )


class ReportVersionQuerySet(VisibleQuerySet):
    """Drafts are working material: only Dyzo's own people on the dossier see them."""

    rows = "report_version"

    def of_team(self, user):
        return self.filter(report__dossier__team__user=user)
