"""Reads of personal data, audited in one place.

Every view declares what it shows. A view that shows personal data declares the audit code
of a read (and, for one object, its model and the URL argument naming it):

    @audits_read("dossier.viewed", model=Dossier)          # a function view
    def dossier_detail(request, pk): ...

    class DossierViewSet(...):                              # a viewset, per GET action
        read_audit = {"list": Read("dossier.listed"), "retrieve": Read("dossier.viewed", Dossier)}

A view that shows none declares that instead (`@shows_no_personal_data`, or
`read_audit = NO_PERSONAL_DATA`). `ReadAuditMiddleware` then writes one entry (one INSERT)
for every GET that the declared view answers with a 2xx (a HEAD shows no body); refused
and failed reads write nothing. A list view may name the rows it showed with `shown(request, rows)`.

dyzo/tests_access/test_read_audit.py walks every URL pattern: a view without a
declaration, or one that shows an entrepreneur's name without writing an entry, fails it.
"""

import dataclasses

from django.contrib.contenttypes.models import ContentType

from dyzo.audit import audit

READ_METHODS = ("GET",)
ADMIN_NAMESPACE = "admin"
# The Django admin is generated: one code for every page of it that a staff member reads.
ADMIN_READ_CODE = "admin.viewed"


@dataclasses.dataclass(frozen=True)
class Read:
    """What a successful GET of a view shows: `code` "" means no personal data.

    `when_shown`: the view shows personal data only to some users (a section of a page):
    the read is logged only when the view named the rows it showed with `shown()`."""

    code: str
    model: type | None = None
    lookup: str = "pk"
    when_shown: bool = False

    @property
    def is_personal(self) -> bool:
        return bool(self.code)


NO_PERSONAL_DATA = Read("")


def audits_read(
    code: str, *, model: type | None = None, lookup: str = "pk", when_shown: bool = False
):
    """Declares that the function view shows personal data, read as `code`; `model` and the
    URL argument `lookup` name the object read (none for a list)."""

    def declare(view):
        view.read_audit = Read(code, model, lookup, when_shown)
        return view

    return declare


def shows_no_personal_data(view):
    """Declares that the view (a function, or what `as_view()` returned) shows none."""
    view.read_audit = NO_PERSONAL_DATA
    return view


def shown(request, rows) -> None:
    """Names the rows (model instances or ids) a list showed, for the read's entry."""
    request = getattr(request, "_request", request)  # DRF's request wraps Django's.
    request.audit_read_ids = [getattr(row, "pk", row) for row in rows]


def declaration(resolver_match, method: str) -> Read | None:
    """What the view behind `resolver_match` declared for `method`; None if nothing."""
    if ADMIN_NAMESPACE in resolver_match.namespaces:
        return Read(ADMIN_READ_CODE)
    view = resolver_match.func
    declared = getattr(view, "read_audit", None)
    if declared is None:
        view_class = getattr(view, "cls", None) or getattr(view, "view_class", None)
        declared = getattr(view_class, "read_audit", None)
    if isinstance(declared, dict):
        actions = getattr(view, "actions", None) or {}
        declared = declared.get(actions.get(method.lower(), ""))
    return declared


def log_read(request, read: Read) -> None:
    """The one entry of a successful read: the object named by the URL, or the rows shown."""
    obj_fields = {}
    object_id = request.resolver_match.kwargs.get(read.lookup) if read.model else None
    if object_id is not None:
        content_type = ContentType.objects.get_for_model(read.model, for_concrete_model=False)
        obj_fields = {"content_type": content_type, "object_id": str(object_id)}
        obj_fields["object_repr"] = f"{read.model._meta.label_lower} #{object_id}"[:200]
    data = {}
    ids = getattr(request, "audit_read_ids", None)
    if ids is not None:
        data["ids"] = ids
    audit.log_fields(read.code, actor=request.user, request=request, data=data, **obj_fields)


class ReadAuditMiddleware:
    """Writes the read entry of every successful GET of a view that shows personal data."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        match = getattr(request, "resolver_match", None)
        if (
            request.method in READ_METHODS
            and match is not None
            and 200 <= response.status_code < 300
        ):
            read = declaration(match, request.method)
            shown_rows = hasattr(request, "audit_read_ids")
            if read is not None and read.is_personal and (shown_rows or not read.when_shown):
                log_read(request, read)
        return response
