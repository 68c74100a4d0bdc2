from rest_framework import exceptions
from rest_framework.views import exception_handler as drf_exception_handler

from django.core.exceptions import ValidationError as DjangoValidationError


def exception_handler(exc, context):
    """DRF's handler, plus domain errors and Django validation errors as 400s."""
    if isinstance(exc, DjangoValidationError):
        exc = exceptions.ValidationError(
            detail=exc.message_dict if hasattr(exc, "error_dict") else exc.messages
        )
    elif getattr(exc, "is_domain_error", False):
        exc = exceptions.ValidationError(detail={"detail": [str(exc)]})
    return drf_exception_handler(exc, context)
