"""One way for a page to call a service and tell the user how it went."""

from collections.abc import Callable
from typing import Any

from django.contrib import messages

from dyzo.utils.errors import DomainError


def run_service(request, call, success: str | Callable[[Any], str] = "") -> bool:
    """Call `call()` (a service with its arguments bound); a DomainError becomes an error
    message, otherwise `success` (when given; a callable gets the service's result) a success
    message. True when it went through."""
    try:
        result = call()
    except DomainError as error:
        messages.error(request, str(error))
        return False
    if callable(success):
        success = success(result)
    if success:
        messages.success(request, success)
    return True
