"""The request being handled, so audit entries written deep in a service know where from."""

import contextvars

_current_request = contextvars.ContextVar("dyzo_audit_request", default=None)


def current_request():
    return _current_request.get()


class AuditContextMiddleware:
    """Remembers the request for the duration of the view (also for the signal receivers)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _current_request.set(request)
        try:
            return self.get_response(request)
        finally:
            _current_request.reset(token)
