"""Roles as data: each role is a group with these permissions.

`sync_roles()` makes the groups equal this table; it runs after every migrate and by the
`load_roles` command. Add a permission here when a new feature needs one.
"""

from django.apps import apps
from django.contrib.auth.management import create_permissions
from django.contrib.auth.models import Group, Permission
from django.db import transaction

from dyzo.accounts.constants import Role

REGISTRY_READ = ["localgov.view_municipality", "localgov.view_province"]
# Agreements, tariffs and outreach (contacts, decline reasons): see docs/agreements.md.
COOPERATION_MANAGE = [
    "agreements.view_agreement",
    "agreements.add_agreement",
    "agreements.change_agreement",
    "agreements.sign_agreement",
    "agreements.view_tariffschedule",
    "agreements.add_tariffschedule",
    "agreements.change_tariffschedule",
    "outreach.view_contact",
    "outreach.add_contact",
    "outreach.change_contact",
    "outreach.view_contact_notes",
    "outreach.view_declinereason",
    "outreach.add_declinereason",
    "outreach.delete_declinereason",
]
COOPERATION_READ = [
    "agreements.view_agreement",
    "agreements.view_tariffschedule",
    "outreach.view_contact",
    "outreach.view_declinereason",
]

# Dossiers and written reports: see docs/dossiers.md. Which rows a role sees is decided by
# visible_to(user); these only say what kind of thing it may read or change.
DOSSIERS_COORDINATE = [
    *[
        f"dossiers.{action}_{model}"
        for action in ("view", "add", "change")
        for model in (
            "dossier",
            "entrepreneur",
            "adviceentry",
            "teammember",
            "activity",
            "document",
        )
    ],
    "dossiers.delete_teammember",
    "dossiers.manage_team",
    "dossiers.view_dashboard",
    "reports.view_writtenreport",
    "reports.change_writtenreport",
    "reports.approve_writtenreport",
    "reports.view_reportversion",
]
DOSSIERS_EXPERT = [
    "dossiers.view_dossier",
    "dossiers.change_dossier",
    "dossiers.view_entrepreneur",
    "dossiers.change_entrepreneur",
    "dossiers.view_adviceentry",
    "dossiers.add_adviceentry",
    "dossiers.change_adviceentry",
    "dossiers.view_teammember",
    "dossiers.view_activity",
    "dossiers.add_activity",
    "dossiers.view_document",
    "dossiers.add_document",
    "reports.view_writtenreport",
    "reports.change_writtenreport",
    "reports.view_reportversion",
]
DOSSIERS_REFERRER = [
    "dossiers.view_dossier",
    "dossiers.view_entrepreneur",
    "dossiers.view_adviceentry",
    "dossiers.view_teammember",
    "reports.view_writtenreport",
]

# The yearly cooperation report (page, downloads, API): see docs/cooperation-report.md.
INSIGHTS_READ = ["insights.view_cooperation_report"]

# The portal's help requests: workers submit them, coordinators take them up. See docs/portal.md.
PORTAL_SUBMIT = ["portal.view_helprequest", "portal.add_helprequest"]
PORTAL_HANDLE = ["portal.view_helprequest", "portal.handle_helprequest"]

# Billing (docs/billing.md): finance manages invoices, payments and billing details; workers
# read the invoices of their own parties (visible_to decides which); analysts revenue only.
BILLING_FINANCE = [
    "billing.finance",
    "billing.view_invoice",
    "billing.view_revenue",
    "billing.view_billingparty",
    "billing.add_billingparty",
    "billing.change_billingparty",
    "billing.view_payment",
]
BILLING_READ = ["billing.view_invoice"]
REVENUE_READ = ["billing.view_revenue"]
# Knowledge transfer (docs/knowledge.md): guides are read by every worker and Dyzo's staff,
# written by coordinators and experts.
KNOWLEDGE_READ = ["knowledge.view_topic", "knowledge.view_guide", "knowledge.view_training"]
KNOWLEDGE_WRITE = [*KNOWLEDGE_READ, "knowledge.add_guide", "knowledge.change_guide"]
# Coordinators plan trainings and record attendance; workers register.
TRAININGS_MANAGE = [
    "knowledge.add_training",
    "knowledge.change_training",
    "knowledge.view_registration",
    "knowledge.view_survey",
]
TRAININGS_ATTEND = ["knowledge.view_registration", "knowledge.add_registration"]
# Workers run the triage and answer the satisfaction surveys of their municipalities.
FIRST_LINE = [
    "knowledge.view_triage",
    "knowledge.add_triage",
    "knowledge.view_survey",
    "knowledge.change_survey",
]

# The audit trail (docs/audit.md) and the entrepreneur's privacy rights (docs/privacy.md).
AUDIT_READ = ["audit.view_auditentry"]
PRIVACY_MANAGE = ["privacy.export_entrepreneur", "privacy.erase_entrepreneur"]

ROLE_PERMISSIONS: dict[str, list[str]] = {
    Role.COORDINATOR: [
        *REGISTRY_READ,
        "accounts.view_user",
        *COOPERATION_MANAGE,
        *DOSSIERS_COORDINATE,
        *INSIGHTS_READ,
        *PORTAL_HANDLE,
        *AUDIT_READ,
        *PRIVACY_MANAGE,
        *BILLING_FINANCE,
        *KNOWLEDGE_WRITE,
        *TRAININGS_MANAGE,
    ],
    Role.EXPERT: [
        *REGISTRY_READ,
        "agreements.view_agreement",
        *DOSSIERS_EXPERT,
        *KNOWLEDGE_WRITE,
    ],
    Role.MUNICIPAL_WORKER: [
        *REGISTRY_READ,
        "agreements.view_agreement",
        *DOSSIERS_REFERRER,
        *PORTAL_SUBMIT,
        *BILLING_READ,
        *KNOWLEDGE_READ,
        *TRAININGS_ATTEND,
        *FIRST_LINE,
    ],
    Role.ANALYST: [
        *REGISTRY_READ,
        *COOPERATION_READ,
        *INSIGHTS_READ,
        *REVENUE_READ,
        "knowledge.view_training",
    ],
    Role.ADMINISTRATOR: [
        *REGISTRY_READ,
        "accounts.view_user",
        "accounts.add_user",
        "accounts.change_user",
        "localgov.change_municipality",
        *COOPERATION_MANAGE,
        *INSIGHTS_READ,
        *AUDIT_READ,
        # Every queued and failed e-mail with its error (docs/notifications.md).
        "notifications.view_outbox",
    ],
}


# Which rows of each kind a role sees, the one table every visible_to(user) reads
# (dyzo.accounts.visibility): all of them, those of the dossiers the user works on (TEAM), or
# those of the municipalities whose gemeente or OCMW the user works for (MUNICIPALITY). A role
# not named for a kind sees none of it; so do anonymous and inactive users.
ALL, TEAM, MUNICIPALITY = "all", "team", "municipality"
_C, _E, _W = Role.COORDINATOR, Role.EXPERT, Role.MUNICIPAL_WORKER
_A, _ADMIN = Role.ANALYST, Role.ADMINISTRATOR
ROW_SCOPES: dict[str, dict[str, str]] = {
    # Personal data: Dyzo's coordinators, the experts on the dossier, the referring workers.
    "dossier": {_C: ALL, _E: TEAM, _W: MUNICIPALITY},
    "entrepreneur": {_C: ALL, _E: TEAM, _W: MUNICIPALITY},
    "advice": {_C: ALL, _E: TEAM, _W: MUNICIPALITY},
    "team_member": {_C: ALL, _E: TEAM, _W: MUNICIPALITY},
    # Working material (activities, documents, report drafts): Dyzo's own people only.
    "dossier_part": {_C: ALL, _E: TEAM},
    "report_version": {_C: ALL, _E: TEAM},
    # Workers see their municipalities' reports once delivered (WrittenReportQuerySet).
    "report": {_C: ALL, _E: TEAM, _W: MUNICIPALITY},
    "help_request": {_C: ALL, _W: MUNICIPALITY},
    # Cooperation: agreements are no secret to any role; outreach is internal to Dyzo.
    "agreement": {_C: ALL, _E: ALL, _A: ALL, _ADMIN: ALL, _W: MUNICIPALITY},
    "contact": {_C: ALL, _A: ALL, _ADMIN: ALL},
    "decline_reason": {_C: ALL, _A: ALL, _ADMIN: ALL},
    # Invoices: finance (coordinators) all; workers the issued ones of their own parties.
    "invoice": {_C: ALL, _W: MUNICIPALITY},
    # First line: a worker's triages and surveys of their municipalities, their own
    # registrations for trainings; coordinators all registrations and surveys.
    "triage": {_W: MUNICIPALITY},
    "registration": {_C: ALL, _W: MUNICIPALITY},
    "survey": {_C: ALL, _W: MUNICIPALITY},
}


def _permission(label: str) -> Permission:
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


@transaction.atomic
def sync_roles() -> list[str]:
    """Create or update one group per role; return the role names."""
    for app_config in apps.get_app_configs():
        create_permissions(app_config, verbosity=0)
    for role, labels in ROLE_PERMISSIONS.items():
        group, _created = Group.objects.get_or_create(name=role)
        group.permissions.set([_permission(label) for label in labels])
    return [str(role) for role in ROLE_PERMISSIONS]
