from django.db import models

from dyzo.accounts.constants import Role
from dyzo.reports.constants import ReportStatus


class WrittenReportQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Coordinators all; experts the reports of their dossiers; municipal workers only
        delivered reports of the dossiers of their municipalities and of those that merged
        into them; everyone else none."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.COORDINATOR:
            return self
        if user.role == Role.EXPERT:
            return self.filter(dossier__team__user=user)
        if user.role == Role.MUNICIPAL_WORKER:
            return self.filter(
                status=ReportStatus.DELIVERED,
                dossier__municipality_id__in=user.area_ids(),
            )
        return self.none()


class ReportVersionQuerySet(models.QuerySet):
    def visible_to(self, user):
        """Drafts are working material: only Dyzo's own people on the dossier see them."""
        if not user or not user.is_authenticated or not user.is_active:
            return self.none()
        if user.role == Role.COORDINATOR:
            return self
        if user.role == Role.EXPERT:
            return self.filter(report__dossier__team__user=user)
        return self.none()
