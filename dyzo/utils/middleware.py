import re
from urllib.parse import parse_qsl

from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from dyzo.api.exceptions import error_body
from dyzo.utils.uploads import parse_keeping_file_names

JSON_NUL = b"\\u0000"
# A whole number as a path segment or query value; beyond a 64-bit integer no database
# column can hold it, and SQLite's driver raises OverflowError instead of finding nothing.
WHOLE_NUMBER = re.compile(r"[+-]?\d+")
LARGEST_INTEGER = 2**63 - 1
API_PREFIX = "/api/"


class CheckRequestValuesMiddleware:
    """Answers 400 with a clear message to values no view can look up safely (issue 9).

    Path and query values reach lookups through URL converters, filters and query parameters
    all over the code; checking them here, once, keeps every one of those from turning into a
    server error: a NUL character (PostgreSQL refuses it in any text) anywhere in the path,
    the query or a form or JSON body, and whole numbers beyond a 64-bit integer in the path
    or the query (SQLite overflows). Django's form fields already refuse both.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.content_type == "multipart/form-data":
            parse_keeping_file_names(request)
        problem = self._problem(request)
        if problem and request.path_info.startswith(API_PREFIX):
            # The API's one error shape (dyzo/api/exceptions.py), naming the query
            # parameters whose numbers are too large.
            fields = {name: [problem] for name in self._too_large_parameters(request)}
            return JsonResponse(error_body(problem, "invalid", fields), status=400)
        if problem:
            return HttpResponseBadRequest(problem, content_type="text/plain; charset=utf-8")
        return self.get_response(request)

    def _problem(self, request) -> str | None:
        values = [*request.path_info.split("/"), *self._query_values(request)]
        if any("\x00" in value for value in values) or self._body_has_nul(request):
            return _("The request contains a NUL character.")
        if any(_too_large(value) for value in values):
            return _("A number in the request is too large.")
        return None

    @staticmethod
    def _too_large_parameters(request) -> list[str]:
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        return list(dict.fromkeys(name for name, value in pairs if _too_large(value)))

    @staticmethod
    def _query_values(request) -> list[str]:
        pairs = parse_qsl(request.META.get("QUERY_STRING", ""), keep_blank_values=True)
        return [text for pair in pairs for text in pair]

    @staticmethod
    def _body_has_nul(request) -> bool:
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return False
        if request.content_type == "application/json":
            return JSON_NUL in request.body or b"\x00" in request.body
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return any("\x00" in value for value in request.POST.values())
        return False


def _too_large(value: str) -> bool:
    if WHOLE_NUMBER.fullmatch(value.strip()) is None:
        return False
    # Compared by length first: int() refuses strings of thousands of digits.
    digits = value.strip().lstrip("+-").lstrip("0")
    return len(digits) > 19 or (len(digits) == 19 and int(digits) > LARGEST_INTEGER)
