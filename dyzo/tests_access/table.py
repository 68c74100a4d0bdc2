"""The expected access of every persona to every URL of the project.

Each rule has a `get` and a `write` column of six letters, one per persona in this order:

    anonymous  coordinator  expert  analyst  administrator  worker_of_gent

    Y  allowed, on the own object and on the other one
    O  allowed on the own object only (Gent's, or the dossier the expert is on); the
       other object (Aalst's, or a dossier the expert is not on) is denied
    N  denied (anonymous: to the login page, or 401/403 from the API; others 403/404)
    R  (write only) on the own object the request gets past the access check but a
       business rule refuses it: any answer below 500 and nothing changes; the other
       object is denied (for example an expert on the team asking to close the dossier)

`get=None`: the URL answers no GET (405 or a denial for everyone). `write=None`: the URL
writes nothing: any unsafe request must leave the data unchanged. For pages the unsafe
method tried is POST; for API routes the unsafe methods of the route (POST if it has none).
URLs without an object (lists, forms for new objects) are requested once; "O" then means
allowed. Keep this table in step with docs/permissions.md.
"""

import dataclasses
from collections.abc import Callable

Kwargs = Callable[[object, object], dict]


@dataclasses.dataclass(frozen=True)
class Rule:
    get: str | None
    write: str | None = None
    kwargs: Kwargs | None = None
    sided: bool = True
    query: str = ""

    def __post_init__(self):
        for column in (self.get, self.write):
            letters = column.split() if column else ["Y"] * 6
            assert len(letters) == 6 and set(letters) <= {"Y", "O", "N", "R"}, column


def obj(attr: str, param: str = "pk") -> Kwargs:
    """The URL's `param` is the primary key of the side's object `attr`."""
    return lambda world, side: {param: getattr(side, attr).pk}


def nis(world, side) -> dict:
    return {"nis_code": side.municipality.nis_code}


def year(world, side) -> dict:
    return {"year": world.year}


def nis_and_year(world, side) -> dict:
    return {"nis_code": side.municipality.nis_code, "year": world.year}


def fixed(**values) -> Kwargs:
    return lambda world, side: values


def dossier_and(attr: str, param: str) -> Kwargs:
    return lambda world, side: {"pk": side.dossier.pk, param: getattr(side, attr).pk}


def first_audit_entry(world, side) -> dict:
    from dyzo.audit.models import AuditEntry

    return {"pk": AuditEntry.objects.order_by("id").values_list("pk", flat=True).first()}


def worker_notification(world, side) -> dict:
    """A notification of worker_of_gent's: only its recipient may open it."""
    from dyzo.notifications.tests.factories import NotificationFactory

    return {"pk": NotificationFactory(recipient=world.users["worker_of_gent"]).pk}


def report_dossier(world, side) -> dict:
    return {"dossier_pk": side.report.dossier.pk}


def knowledge(attr: str, param: str = "pk", field: str = "pk") -> Kwargs:
    """Guides belong to no side: the world's knowledge object `attr`."""
    return lambda world, side: {param: getattr(getattr(world.knowledge, attr), field)}


def attachment(world, side) -> dict:
    found = world.knowledge.attachment
    return {"pk": found.guide_id, "attachment_pk": found.pk}


EVERYONE = "Y Y Y Y Y Y"
STAFF = "N Y Y Y Y Y"  # Every logged-in role.
COORDINATOR = "N Y N N N N"
MANAGERS = "N Y N N Y N"  # Cooperation management: coordinators and administrators.
COOPERATION_READERS = "N Y N Y Y N"  # Tariffs, contacts, decline reasons, insights.
DOSSIER_LISTS = "N Y Y N N Y"  # Filtered by visible_to(user).
DOSSIER_OBJECT = "N Y O N N O"
TEAM_WRITE = "N Y O N N N"  # The coordinator and experts on the dossier's team.
# Workflow steps only the coordinator may take: an expert on the team gets past the access
# check, the workflow table refuses the step.
COORDINATOR_STEP = "N Y R N N N"
WORKER = "N N N N N Y"
GUIDE_READERS = "N Y Y N N Y"  # Workers of any municipality and Dyzo's own staff.
GUIDE_WRITERS = "N Y Y N N N"
TRAINING_READERS = "N Y Y Y N Y"  # Trainings hold no personal data; registrations do.
REGISTRATION_OWN = "N Y N N N O"  # A worker's own registration, and coordinators.
FIGURES = "N Y N Y Y O"  # Aggregates: every municipality, or the worker's own.
WORKER_OWN = "N N N N N O"

# Billing (docs/billing.md): coordinators manage it (permission billing.finance); a worker
# reads the issued invoices of their own parties; analysts see revenue only.
INVOICE_READERS = "N Y N N N Y"
INVOICE_OBJECT = "N Y N N N O"
REVENUE_READERS = "N Y N Y N N"


def export_year(world, side) -> dict:
    return {"year": world.year, "fmt": "csv"}


RULES: dict[str, Rule] = {
    # Shell, login and language.
    "home": Rule(get=STAFF),
    "set_language": Rule(get=EVERYONE),
    "accounts:login": Rule(get=EVERYONE),
    "accounts:logout": Rule(get=None),
    "accounts:two_factor": Rule(get=STAFF),
    "accounts:two_factor_setup": Rule(get=STAFF),
    # Matches for a searchable expert field: only coordinators compose teams.
    "accounts:expert_choices": Rule(get=COORDINATOR),
    "accounts:password_reset": Rule(get=EVERYONE),
    "accounts:password_reset_done": Rule(get=EVERYONE),
    "accounts:password_reset_confirm": Rule(
        get=EVERYONE, kwargs=fixed(uidb64="MQ", token="set-password"), sided=False
    ),
    "accounts:password_reset_complete": Rule(get=EVERYONE),
    # The registry is public knowledge for every role.
    "localgov:municipality_list": Rule(get=STAFF),
    "localgov:municipality_detail": Rule(get=STAFF, kwargs=nis),
    # Matches for a searchable municipality field (a worker gets only their own).
    "localgov:municipality_choices": Rule(get=STAFF),
    "municipality-list": Rule(get=STAFF),
    "municipality-detail": Rule(get=STAFF, kwargs=nis),
    # Agreements and tariffs.
    "agreements:list": Rule(get=STAFF),
    "agreements:create": Rule(get=MANAGERS, write=MANAGERS),
    "agreements:detail": Rule(get="N Y Y Y Y O", kwargs=obj("agreement")),
    "agreements:edit": Rule(get=MANAGERS, write=MANAGERS, kwargs=obj("agreement")),
    "agreements:propose": Rule(get=None, write=MANAGERS, kwargs=obj("agreement")),
    "agreements:sign": Rule(get=MANAGERS, write=MANAGERS, kwargs=obj("agreement")),
    "agreements:terminate": Rule(get=MANAGERS, write=MANAGERS, kwargs=obj("agreement")),
    "agreements:document": Rule(get="N Y Y Y Y O", write=MANAGERS, kwargs=obj("agreement")),
    "agreements:tariff_list": Rule(get=COOPERATION_READERS),
    "agreements:tariff_create": Rule(get=MANAGERS, write=MANAGERS),
    "agreements:tariff_edit": Rule(get=MANAGERS, write=MANAGERS, kwargs=year, sided=False),
    "agreements:quote": Rule(get=COOPERATION_READERS, kwargs=nis),
    "agreements:quote_pdf": Rule(get=COOPERATION_READERS, kwargs=nis),
    "agreement-list": Rule(get=STAFF, write=MANAGERS),
    "agreement-detail": Rule(get="N Y Y Y Y O", write=MANAGERS, kwargs=obj("agreement")),
    "agreement-document": Rule(get=None, write=MANAGERS, kwargs=obj("agreement")),
    "agreement-propose": Rule(get=None, write=MANAGERS, kwargs=obj("agreement")),
    "agreement-sign": Rule(get=None, write=MANAGERS, kwargs=obj("agreement")),
    "agreement-terminate": Rule(get=None, write=MANAGERS, kwargs=obj("agreement")),
    "tariff-schedule-list": Rule(get=COOPERATION_READERS, write=MANAGERS),
    "tariff-schedule-detail": Rule(
        get=COOPERATION_READERS, write=MANAGERS, kwargs=year, sided=False
    ),
    # Outreach: contacts and decline reasons.
    "outreach:contact_list": Rule(get=COOPERATION_READERS),
    "outreach:contact_create": Rule(get=MANAGERS, write=MANAGERS),
    "outreach:contact_edit": Rule(get=MANAGERS, write=MANAGERS, kwargs=obj("contact")),
    "outreach:follow_up_done": Rule(get=None, write=MANAGERS, kwargs=obj("contact")),
    "outreach:follow_ups": Rule(get=COOPERATION_READERS),
    "outreach:decline_reasons": Rule(get=COOPERATION_READERS, write=MANAGERS, kwargs=nis),
    "outreach:decline_reason_delete": Rule(get=None, write=MANAGERS, kwargs=obj("decline_reason")),
    "contact-list": Rule(get=COOPERATION_READERS, write=MANAGERS),
    "contact-detail": Rule(get=COOPERATION_READERS, write=MANAGERS, kwargs=obj("contact")),
    "contact-follow-up-done": Rule(get=None, write=MANAGERS, kwargs=obj("contact")),
    "decline-reason-list": Rule(get=COOPERATION_READERS, write=MANAGERS),
    "decline-reason-detail": Rule(
        get=COOPERATION_READERS, write=MANAGERS, kwargs=obj("decline_reason")
    ),
    # Dossiers, entrepreneurs, advice: visible_to(user) decides the rows.
    "dossiers:list": Rule(get=DOSSIER_LISTS),
    "dossiers:create": Rule(get=COORDINATOR, write=COORDINATOR),
    "dossiers:dashboard": Rule(get=COORDINATOR),
    "dossiers:detail": Rule(get=DOSSIER_OBJECT, kwargs=obj("dossier")),
    "dossiers:edit": Rule(get=TEAM_WRITE, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossiers:move": Rule(get=None, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossiers:close": Rule(get=None, write=COORDINATOR_STEP, kwargs=obj("dossier")),
    "dossiers:cancel": Rule(get=None, write=COORDINATOR_STEP, kwargs=obj("dossier")),
    "dossiers:team_add": Rule(get=None, write=COORDINATOR, kwargs=obj("dossier")),
    "dossiers:team_remove": Rule(
        get=None, write=COORDINATOR, kwargs=dossier_and("team_member", "member_pk")
    ),
    "dossiers:activity_add": Rule(get=None, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossiers:document_upload": Rule(get=None, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossiers:document": Rule(get=TEAM_WRITE, kwargs=dossier_and("document", "document_pk")),
    "dossiers:entrepreneur_list": Rule(get=DOSSIER_LISTS),
    "dossiers:entrepreneur_create": Rule(get=COORDINATOR, write=COORDINATOR),
    "dossiers:entrepreneur_detail": Rule(get=DOSSIER_OBJECT, kwargs=obj("entrepreneur")),
    "dossiers:entrepreneur_edit": Rule(
        get=TEAM_WRITE, write=TEAM_WRITE, kwargs=obj("entrepreneur")
    ),
    "dossiers:advice_list": Rule(get=DOSSIER_LISTS),
    "dossiers:advice_create": Rule(get="N Y Y N N N", write="N Y Y N N N"),
    "dossiers:advice_detail": Rule(get=DOSSIER_OBJECT, kwargs=obj("advice")),
    "dossiers:advice_edit": Rule(get=TEAM_WRITE, write=TEAM_WRITE, kwargs=obj("advice")),
    "dossier-list": Rule(get=DOSSIER_LISTS, write=COORDINATOR),
    "dossier-detail": Rule(get=DOSSIER_OBJECT, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossier-activities": Rule(get=TEAM_WRITE, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossier-cancel": Rule(get=None, write=COORDINATOR_STEP, kwargs=obj("dossier")),
    "dossier-close": Rule(get=None, write=COORDINATOR_STEP, kwargs=obj("dossier")),
    "dossier-move": Rule(get=None, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossier-documents": Rule(get=TEAM_WRITE, write=TEAM_WRITE, kwargs=obj("dossier")),
    "dossier-document-download": Rule(
        get=TEAM_WRITE, kwargs=dossier_and("document", "document_pk")
    ),
    "dossier-team": Rule(get=DOSSIER_OBJECT, write=COORDINATOR, kwargs=obj("dossier")),
    "dossier-team-member": Rule(
        get=None, write=COORDINATOR, kwargs=dossier_and("team_member", "member_pk")
    ),
    "entrepreneur-list": Rule(get=DOSSIER_LISTS, write=COORDINATOR),
    "entrepreneur-detail": Rule(get=DOSSIER_OBJECT, write=TEAM_WRITE, kwargs=obj("entrepreneur")),
    "advice-entry-list": Rule(get=DOSSIER_LISTS, write="N Y Y N N N"),
    "advice-entry-detail": Rule(get=DOSSIER_OBJECT, write=TEAM_WRITE, kwargs=obj("advice")),
    # Written reports: workers see and download the delivered report of their dossiers.
    "reports:list": Rule(get=DOSSIER_LISTS),
    "reports:detail": Rule(get=DOSSIER_OBJECT, kwargs=obj("report")),
    "reports:submit": Rule(get=None, write=TEAM_WRITE, kwargs=obj("report")),
    "reports:approve": Rule(get=None, write=COORDINATOR, kwargs=obj("report")),
    "reports:deliver": Rule(get=None, write=COORDINATOR, kwargs=obj("report")),
    "reports:pdf": Rule(get=DOSSIER_OBJECT, kwargs=obj("report")),
    "reports:write": Rule(get=TEAM_WRITE, write=TEAM_WRITE, kwargs=report_dossier),
    "report-list": Rule(get=DOSSIER_LISTS),
    "report-drafts": Rule(get=None, write=TEAM_WRITE),
    "report-detail": Rule(get=DOSSIER_OBJECT, kwargs=obj("report")),
    "report-approve": Rule(get=None, write=COORDINATOR, kwargs=obj("report")),
    "report-deliver": Rule(get=None, write=COORDINATOR, kwargs=obj("report")),
    "report-submit": Rule(get=None, write=TEAM_WRITE, kwargs=obj("report")),
    "report-pdf": Rule(get=DOSSIER_OBJECT, kwargs=obj("report")),
    "report-versions": Rule(get=TEAM_WRITE, kwargs=obj("report")),
    # Insights: aggregates only.
    "insights:cooperation_report_pick": Rule(get=COOPERATION_READERS),
    "insights:cooperation_report": Rule(get=COOPERATION_READERS, kwargs=year, sided=False),
    "insights:cooperation_comparison": Rule(get=COOPERATION_READERS, kwargs=year, sided=False),
    "insights:cooperation_download": Rule(
        get=COOPERATION_READERS,
        kwargs=lambda world, side: {"year": world.year, "fmt": "json"},
        sided=False,
    ),
    "cooperation-report": Rule(get=COOPERATION_READERS, kwargs=year, sided=False),
    # The registry is public; a municipality's form per year is an aggregate like the report.
    "insights:municipality_forms": Rule(get=COOPERATION_READERS, kwargs=nis, sided=False),
    # The portal: municipal workers, and coordinators who take up help requests.
    "portal:home": Rule(get=WORKER),
    "portal:quote": Rule(get=WORKER_OWN, kwargs=nis),
    "portal:quote_pdf": Rule(get=WORKER_OWN, kwargs=nis),
    "portal:dossier_list": Rule(get=WORKER),
    "portal:request_list": Rule(get="N Y N N N Y"),
    "portal:request_create": Rule(get=WORKER, write=WORKER),
    "portal:request_detail": Rule(get="N Y N N N O", kwargs=obj("help_request")),
    "portal:request_take_up": Rule(get=None, write=COORDINATOR, kwargs=obj("help_request")),
    "portal:request_answer": Rule(get=None, write=COORDINATOR, kwargs=obj("help_request")),
    "portal:request_decline": Rule(get=None, write=COORDINATOR, kwargs=obj("help_request")),
    "help-request-list": Rule(get="N Y N N N Y", write=WORKER),
    "help-request-detail": Rule(get="N Y N N N O", kwargs=obj("help_request")),
    # Knowledge transfer: guides (docs/knowledge.md).
    "knowledge:guide_list": Rule(get=GUIDE_READERS),
    "knowledge:guide_create": Rule(get=GUIDE_WRITERS, write=GUIDE_WRITERS),
    "knowledge:guide_detail": Rule(get=GUIDE_READERS, kwargs=knowledge("guide"), sided=False),
    "knowledge:guide_edit": Rule(
        get=GUIDE_WRITERS, write=GUIDE_WRITERS, kwargs=knowledge("guide"), sided=False
    ),
    "knowledge:guide_history": Rule(get=GUIDE_WRITERS, kwargs=knowledge("guide"), sided=False),
    "knowledge:attachment_upload": Rule(
        get=None, write=GUIDE_WRITERS, kwargs=knowledge("guide"), sided=False
    ),
    "knowledge:attachment_download": Rule(get=GUIDE_READERS, kwargs=attachment, sided=False),
    "knowledge:triage": Rule(get=WORKER, write=WORKER),
    "knowledge:triage_result": Rule(get=WORKER_OWN, kwargs=obj("triage")),
    "knowledge:triage_request": Rule(get=WORKER_OWN, write=WORKER_OWN, kwargs=obj("triage")),
    "knowledge:training_list": Rule(get=TRAINING_READERS),
    "knowledge:training_create": Rule(get=COORDINATOR, write=COORDINATOR),
    "knowledge:training_detail": Rule(
        get=TRAINING_READERS, kwargs=knowledge("training"), sided=False
    ),
    "knowledge:training_edit": Rule(
        get=COORDINATOR, write=COORDINATOR, kwargs=knowledge("training"), sided=False
    ),
    "knowledge:training_register": Rule(
        get=None, write=WORKER, kwargs=knowledge("training"), sided=False
    ),
    "knowledge:training_attendance": Rule(
        get=None, write=COORDINATOR, kwargs=knowledge("training"), sided=False
    ),
    "knowledge:registration_cancel": Rule(
        get=None, write=REGISTRATION_OWN, kwargs=obj("registration")
    ),
    "knowledge:registration_evaluate": Rule(get=None, write=WORKER_OWN, kwargs=obj("registration")),
    "knowledge:registration_certificate": Rule(get=REGISTRATION_OWN, kwargs=obj("registration")),
    "knowledge:survey_list": Rule(get=WORKER),
    "knowledge:survey_answer": Rule(get=WORKER_OWN, write=WORKER_OWN, kwargs=obj("survey")),
    # The e-mail link: its token is the key, so everyone who has it may answer once.
    "knowledge:survey_link": Rule(
        get=EVERYONE,
        write=EVERYONE,
        kwargs=lambda world, side: {"token": side.survey.token},
        sided=False,
    ),
    # Impact report, capability (aggregates): readers of the cooperation report, and a
    # worker for the own municipality.
    "knowledge:impact_index": Rule(get="N Y N Y Y Y"),
    "knowledge:impact": Rule(get=FIGURES, kwargs=nis_and_year),
    "knowledge:impact_pdf": Rule(get=FIGURES, kwargs=nis_and_year),
    "knowledge:capability": Rule(get=FIGURES, kwargs=nis),
    "knowledge:reach": Rule(get=COOPERATION_READERS, kwargs=year, sided=False),
    "training-list": Rule(get=TRAINING_READERS),
    "training-detail": Rule(get=TRAINING_READERS, kwargs=knowledge("training"), sided=False),
    "training-register": Rule(get=None, write=WORKER, kwargs=knowledge("training"), sided=False),
    "training-registration-list": Rule(get="N Y N N N Y"),
    "training-registration-detail": Rule(get=REGISTRATION_OWN, kwargs=obj("registration")),
    "training-registration-cancel": Rule(
        get=None, write=REGISTRATION_OWN, kwargs=obj("registration")
    ),
    "training-registration-evaluate": Rule(
        get=None, write=REGISTRATION_OWN, kwargs=obj("registration")
    ),
    "triage-list": Rule(get=WORKER, write=WORKER),
    "triage-detail": Rule(get=WORKER_OWN, kwargs=obj("triage")),
    "satisfaction-survey-list": Rule(get="N Y N N N Y"),
    "satisfaction-survey-detail": Rule(get="N Y N N N O", kwargs=obj("survey")),
    "satisfaction-survey-answer": Rule(get=None, write=WORKER_OWN, kwargs=obj("survey")),
    "impact-report": Rule(get=COOPERATION_READERS, kwargs=nis_and_year),
    "capability": Rule(get=COOPERATION_READERS, kwargs=nis),
    "reach": Rule(get=COOPERATION_READERS, kwargs=year, sided=False),
    "guide-list": Rule(get=GUIDE_READERS, write=GUIDE_WRITERS),
    "guide-detail": Rule(
        get=GUIDE_READERS, write=GUIDE_WRITERS, kwargs=knowledge("guide"), sided=False
    ),
    "guide-search": Rule(get=GUIDE_READERS, query="?q=gids"),
    "guide-topic-list": Rule(get=GUIDE_READERS),
    "guide-topic-detail": Rule(
        get=GUIDE_READERS,
        kwargs=lambda world, side: {"slug": world.knowledge.guide.topic.slug},
        sided=False,
    ),
    # Privacy: what Dyzo holds about one entrepreneur, its export and erasure.
    "privacy:entrepreneur_privacy": Rule(get=COORDINATOR, kwargs=obj("entrepreneur")),
    "privacy:entrepreneur_export": Rule(get=COORDINATOR, kwargs=obj("entrepreneur")),
    "privacy:entrepreneur_erase": Rule(get=None, write=COORDINATOR, kwargs=obj("entrepreneur")),
    # The audit trail: read-only, for coordinators and administrators (docs/audit.md).
    "audit:entry_list": Rule(get=MANAGERS),
    "auditentry-list": Rule(get=MANAGERS),
    "auditentry-detail": Rule(get=MANAGERS, kwargs=first_audit_entry, sided=False),
    # Notifications: everyone their own (docs/notifications.md); all mails for administrators.
    "notifications:list": Rule(get=STAFF),
    "notifications:open": Rule(get=None, write=WORKER, kwargs=worker_notification, sided=False),
    "notifications:read_all": Rule(get=None, write=STAFF),
    "notifications:preferences": Rule(get=STAFF, write=STAFF),
    "notifications:outbox": Rule(get=STAFF),
    # Billing: invoices, credit notes, payments, billing parties, revenue.
    "billing:invoice_list": Rule(get=INVOICE_READERS),
    "billing:invoice_create": Rule(get=COORDINATOR, write=COORDINATOR),
    "billing:invoice_detail": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "billing:invoice_pdf": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "billing:invoice_ubl": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "billing:invoice_issue": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "billing:invoice_credit": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "billing:payment_create": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "billing:reminder_send": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "billing:receivables": Rule(get=COORDINATOR),
    "billing:statement_import": Rule(get=COORDINATOR, write=COORDINATOR),
    "billing:unmatched": Rule(get=COORDINATOR),
    "billing:payment_assign": Rule(get=None, write=COORDINATOR, kwargs=obj("payment")),
    "billing:accountant_export": Rule(get=COORDINATOR, kwargs=export_year, sided=False),
    "billing:revenue": Rule(get=REVENUE_READERS),
    "billing:party_list": Rule(get=COORDINATOR),
    "billing:party_edit": Rule(get=COORDINATOR, write=COORDINATOR, kwargs=obj("billing_party")),
    "billing:party_import": Rule(get=COORDINATOR, write=COORDINATOR),
    "invoice-list": Rule(get=INVOICE_READERS, write=COORDINATOR),
    "invoice-detail": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "invoice-issue": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "invoice-credit": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "invoice-payments": Rule(get=None, write=COORDINATOR, kwargs=obj("invoice")),
    "invoice-pdf": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "invoice-ubl": Rule(get=INVOICE_OBJECT, kwargs=obj("invoice")),
    "billing-revenue": Rule(get=REVENUE_READERS),
    # The OpenAPI schema holds no data, but tells how the API is built: for users only.
    "api-schema": Rule(get=STAFF),
}
