from django.http import HttpResponseBadRequest, JsonResponse
from django.utils.translation import gettext as _

from dyzo.api.exceptions import error_body

JSON_NUL = b"\\u0000"
API_PREFIX = "/api/"


class RejectNullCharactersMiddleware:
    """Answers 400 to a request whose parameters hold a NUL character.

    No text column can store one (PostgreSQL refuses it outright), and Django's form fields
    already refuse it; this covers the rest (filters read from the query string, lookups by
    slug, JSON bodies) in one place instead of in every view.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._has_null_character(request):
            message = _("The request contains a NUL character.")
            if request.path_info.startswith(API_PREFIX):
                return JsonResponse(error_body(message, "invalid"), status=400)
            return HttpResponseBadRequest(message)
        return self.get_response(request)

    @staticmethod
    def _has_null_character(request) -> bool:
        if "\x00" in request.get_full_path() or "%00" in request.META.get("QUERY_STRING", ""):
            return True
        if request.method in ("GET", "HEAD", "OPTIONS"):
            return False
        if request.content_type == "application/json":
            return JSON_NUL in request.body or b"\x00" in request.body
        if request.content_type in ("application/x-www-form-urlencoded", "multipart/form-data"):
            return any("\x00" in value for value in request.POST.values())
        return False
