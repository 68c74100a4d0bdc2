import json

import factory

from django.utils import timezone

from dyzo.accounts.tests.factories import UserFactory
from dyzo.dossiers.tests.factories import DossierFactory
from dyzo.reports.constants import SECTIONS_BY_CASE_TYPE, ReportStatus
from dyzo.reports.models import ReportVersion, WrittenReport


def sections_for(case_type: str) -> dict[str, str]:
    return {key: f"Tekst over {key}." for key in SECTIONS_BY_CASE_TYPE[case_type]}


class WrittenReportFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WrittenReport
        skip_postgeneration_save = True

    dossier = factory.SubFactory(DossierFactory, report_drafting=True)
    status = ReportStatus.DRAFT

    class Params:
        submitted = factory.Trait(status=ReportStatus.SUBMITTED)
        approved = factory.Trait(
            status=ReportStatus.APPROVED,
            approved_by=factory.SubFactory(UserFactory, coordinator=True),
            approved_at=factory.LazyFunction(timezone.now),
        )
        delivered = factory.Trait(
            status=ReportStatus.DELIVERED,
            dossier=factory.SubFactory(DossierFactory, report_delivered=True),
            approved_by=factory.SubFactory(UserFactory, coordinator=True),
            approved_at=factory.LazyFunction(timezone.now),
            delivered_at=factory.LazyFunction(timezone.now),
        )

    @factory.post_generation
    def first_version(self, create, extracted, **kwargs):
        """Every report built here has one version; approved ones point at it."""
        if not create:
            return
        version = ReportVersionFactory(report=self)
        if self.status in (ReportStatus.APPROVED, ReportStatus.DELIVERED):
            self.approved_version = version
            self.save(update_fields=["approved_version"])


class ReportVersionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReportVersion

    report = factory.SubFactory(WrittenReportFactory)
    number = factory.LazyAttribute(lambda v: v.report.versions.count() + 1)
    content = factory.LazyAttribute(lambda v: json.dumps(sections_for(v.report.dossier.case_type)))
    author = factory.SubFactory(UserFactory, coordinator=True)
