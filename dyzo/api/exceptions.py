"""The API's one error shape (docs/api.md).

Every error answer of the API, whatever raised it, is a JSON object:

    {"detail": "What went wrong, translated", "code": "invalid", "fields": {"year": ["..."]}}

`detail` is one message for a person, `code` a stable word for a program (`invalid`,
`conflict`, `not_found`, `permission_denied`, `not_authenticated`, `method_not_allowed`,
`parse_error`, `unsupported_media_type`, `throttled`, ...), and `fields` the messages per
request field or query parameter (`non_field_errors` for the request as a whole; nested
fields are joined with dots, list items by index: `brackets.1.upper`). `fields` is empty
for errors that are not about input.
"""

from rest_framework import exceptions, status
from rest_framework.views import exception_handler as drf_exception_handler

from django.core.exceptions import PermissionDenied
from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import Http404
from django.utils.translation import gettext_lazy as _

NON_FIELD = "non_field_errors"


class Conflict(exceptions.APIException):
    """The object changed since the client read it (a stale `version`)."""

    status_code = status.HTTP_409_CONFLICT
    default_detail = _("The object was changed in the meantime.")
    default_code = "conflict"


def exception_handler(exc, context):
    """DRF's handler for every exception it knows, plus domain and Django validation errors;
    the answer's body in the one shape."""
    exc = _as_api_exception(exc)
    response = drf_exception_handler(exc, context)
    if response is not None:
        response.data = _body(exc)
    return response


def _as_api_exception(exc):
    if isinstance(exc, Http404):
        return exceptions.NotFound()
    if isinstance(exc, PermissionDenied):
        return exceptions.PermissionDenied()
    if isinstance(exc, DjangoValidationError):
        detail = exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        return exceptions.ValidationError(detail=detail)
    if getattr(exc, "is_domain_error", False):
        if getattr(exc, "is_conflict", False):
            return Conflict(detail=str(exc))
        return exceptions.ValidationError(detail={NON_FIELD: [str(exc)]})
    return exc


def error_body(detail, code: str, fields: dict | None = None) -> dict:
    return {"detail": str(detail), "code": code, "fields": fields or {}}


def _body(exc) -> dict:
    if isinstance(exc, exceptions.ValidationError):
        fields = _flatten(exc.detail)
        first = next(iter(fields.values()))[0] if fields else _("Invalid input.")
        return error_body(first, "invalid", fields)
    detail = exc.detail if isinstance(exc, exceptions.APIException) else str(exc)
    if isinstance(detail, dict | list):  # An APIException raised with structured detail.
        return error_body(_("Invalid input."), "invalid", _flatten(detail))
    code = getattr(detail, "code", None) or getattr(exc, "default_code", "error")
    return error_body(detail, code)


def _flatten(detail, prefix: str = "") -> dict[str, list[str]]:
    """`{"brackets": [{}, {"upper": ["..."]}]}` -> `{"brackets.1.upper": ["..."]}`."""
    if isinstance(detail, dict):
        items = detail.items()
    elif isinstance(detail, list) and any(isinstance(item, dict | list) for item in detail):
        items = ((str(index), item) for index, item in enumerate(detail))
    else:
        messages = detail if isinstance(detail, list) else [detail]
        return {prefix or NON_FIELD: [str(message) for message in messages]}
    fields: dict[str, list[str]] = {}
    for key, item in items:
        for name, messages in _flatten(item, f"{prefix}.{key}" if prefix else str(key)).items():
            if messages:
                fields.setdefault(name, []).extend(messages)
    return fields
