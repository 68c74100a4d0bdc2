"""Login lockout per account, with a throttle per address on top (docs/security.md)."""

from axes.handlers.database import AxesDatabaseHandler
from axes.helpers import get_client_ip_address, get_cool_off
from axes.models import AccessAttempt

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone


def address_failures(ip_address: str | None) -> int:
    """Failed logins from one address within the cool-off, whatever usernames they tried."""
    if not ip_address:
        return 0
    since = timezone.now() - get_cool_off()
    attempts = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=since)
    return attempts.aggregate(total=Sum("failures_since_start"))["total"] or 0


class AccountAndAddressHandler(AxesDatabaseHandler):
    """django-axes counts per username (AXES_LOCKOUT_PARAMETERS), from any address, so
    spreading guesses over addresses gains nothing. An address that fails
    DYZO_LOGIN_ADDRESS_FAILURE_LIMIT times for any usernames is locked as well."""

    def is_locked(self, request, credentials=None) -> bool:
        return super().is_locked(request, credentials) or self.is_address_locked(request)

    def is_address_locked(self, request) -> bool:
        address = getattr(request, "axes_ip_address", None) or get_client_ip_address(request)
        return address_failures(address) >= settings.DYZO_LOGIN_ADDRESS_FAILURE_LIMIT

    def user_login_failed(self, sender, credentials, request=None, **kwargs):
        # django-axes decides the lockout answer here from the username's count alone.
        super().user_login_failed(sender, credentials, request, **kwargs)
        if request is not None and self.is_address_locked(request):
            request.axes_locked_out = True
