import time

from django_htmx.http import HttpResponseClientRedirect
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.middleware import OTPMiddleware

from django.conf import settings
from django.contrib import messages
from django.contrib.auth import SESSION_KEY, logout
from django.http import JsonResponse
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.functional import SimpleLazyObject
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.utils.translation import gettext as _

from dyzo.accounts.two_factor import confirmed_device, requires_two_factor
from dyzo.api.exceptions import error_body
from dyzo.audit import audit

LOGIN_AT = "dyzo_login_at"
SEEN_AT = "dyzo_seen_at"
# The last-seen time is written at most once a minute, so most requests do not write the
# session (and list pages keep their query count).
SEEN_RESOLUTION_SECONDS = 60


def stamp_login(sender, request, user, **kwargs):
    """At login (which also gives the session a new key), start the session's clocks."""
    if request is not None and hasattr(request, "session"):
        request.session[LOGIN_AT] = request.session[SEEN_AT] = time.time()


class SessionLimitsMiddleware:
    """Ends a session 30 minutes after its last request or 10 hours after login.

    The cookie and the session row expire after SESSION_COOKIE_AGE without a refresh too;
    this check also holds when a stolen cookie keeps the session busy.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.user.is_authenticated:
            self._check(request)
        elif SESSION_KEY in request.session:
            # The session's user can no longer log in (deactivated, deleted, new password):
            # delete the session rather than leave it waiting.
            request.session.flush()
        return self.get_response(request)

    def _check(self, request):
        now = time.time()
        login_at = request.session.get(LOGIN_AT, 0)
        seen_at = request.session.get(SEEN_AT, login_at)
        too_long = now - login_at > settings.DYZO_SESSION_MAX_SECONDS
        if too_long or now - seen_at > settings.SESSION_COOKIE_AGE:
            audit.log(request.user, "auth.session_expired", actor=request.user, request=request)
            logout(request)
            messages.info(request, _("Your session has ended. Please log in again."))
        elif now - seen_at > SEEN_RESOLUTION_SECONDS:
            request.session[SEEN_AT] = now


OTP_CHECKED_AT = "dyzo_otp_checked_at"
# How long a verified second factor is taken from the session without reading the device.
OTP_RECHECK_SECONDS = 60


class TwoFactorStateMiddleware(OTPMiddleware):
    """django-otp's middleware, but the verified state is kept in the session.

    django-otp reads the verifying device on every request (one query). Here that read
    happens at most once a minute; in between, `user.otp_device` loads the device only if
    something asks for its attributes. A deleted or unconfirmed device still ends the
    verified state, within OTP_RECHECK_SECONDS."""

    def _verify_user_sync(self, request, user):
        persistent_id = request.session.get(DEVICE_ID_SESSION_KEY)
        checked_at = request.session.get(OTP_CHECKED_AT, 0)
        if not (persistent_id and user.is_authenticated):
            request.session.pop(OTP_CHECKED_AT, None)
            return super()._verify_user_sync(request, user)
        if time.time() - checked_at <= OTP_RECHECK_SECONDS:
            self._init_user_fields(user)
            user.otp_device = SimpleLazyObject(
                lambda: self._device_from_persistent_id(persistent_id)
            )
            return user
        user = super()._verify_user_sync(request, user)
        if user.otp_device is not None:
            request.session[OTP_CHECKED_AT] = time.time()
        return user


# Pages a user who still owes the second factor may open.
TWO_FACTOR_EXEMPT = {
    "accounts:two_factor",
    "accounts:two_factor_setup",
    "accounts:logout",
    "accounts:login",
    "set_language",
}


class TwoFactorMiddleware:
    """Sends coordinators and administrators to the TOTP step until they pass it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if self._owes_second_factor(request):
            return self._second_factor_response(request)
        return self.get_response(request)

    def _owes_second_factor(self, request) -> bool:
        user = request.user
        if not settings.DYZO_REQUIRE_2FA or not user.is_authenticated:
            return False
        if not requires_two_factor(user) or user.is_verified():
            return False
        try:
            return resolve(request.path_info).view_name not in TWO_FACTOR_EXEMPT
        except Resolver404:
            return True

    def _second_factor_response(self, request):
        if request.path_info.startswith("/api/"):
            detail = _("Log in with your second factor (authenticator app) first.")
            return JsonResponse(error_body(detail, "second_factor_required"), status=403)
        has_device = confirmed_device(request.user) is not None
        url = reverse("accounts:two_factor" if has_device else "accounts:two_factor_setup")
        next_url = request.get_full_path()
        if request.method == "GET" and url_has_allowed_host_and_scheme(next_url, None):
            url = f"{url}?{urlencode({'next': next_url})}"
        if request.headers.get("HX-Request"):
            return HttpResponseClientRedirect(url)
        return redirect(url)
