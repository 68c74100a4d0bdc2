from django_otp import login as otp_login

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from dyzo.accounts.forms import TokenForm
from dyzo.accounts.models import User
from dyzo.accounts.two_factor import confirmed_device, pending_device, qr_data_url, secret_of
from dyzo.audit import audit
from dyzo.audit.reads import shows_no_personal_data
from dyzo.utils.access import login_and_permission_required

CHOICES_LIMIT = 50


@shows_no_personal_data
@login_required
@require_http_methods(["GET", "POST"])
def two_factor(request):
    """Enter the current code of the authenticator app set up before."""
    device = confirmed_device(request.user)
    if device is None:
        return redirect("accounts:two_factor_setup")
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _accept(request, device, form):
        audit.log(request.user, "auth.2fa_verified", actor=request.user, request=request)
        return _next(request)
    return render(request, "accounts/two_factor.html", {"form": form})


@shows_no_personal_data
@login_required
@require_http_methods(["GET", "POST"])
def two_factor_setup(request):
    """Link an authenticator app: scan the code, then confirm with the first code it shows.

    A user with a confirmed device cannot add another here: a stolen password alone must not
    be enough to replace the second factor. An administrator removes the old device first.
    """
    if confirmed_device(request.user):
        return redirect("accounts:two_factor")
    device = pending_device(request.user)
    form = TokenForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and _accept(request, device, form):
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        audit.log(request.user, "auth.2fa_enabled", actor=request.user, request=request)
        return _next(request)
    context = {"form": form, "qr_code": qr_data_url(device), "secret": secret_of(device)}
    return render(request, "accounts/two_factor_setup.html", context)


def _accept(request, device, form) -> bool:
    # verify_token throttles: after failures it refuses even good codes for a growing while.
    if device.verify_token(form.cleaned_data["token"]):
        otp_login(request, device)
        return True
    audit.log(request.user, "auth.2fa_failed", actor=request.user, request=request)
    form.add_error("token", _("This code is not valid (or too many attempts: wait a minute)."))
    return False


def _next(request):
    url = request.GET.get("next", "")
    if url_has_allowed_host_and_scheme(url, {request.get_host()}, request.is_secure()):
        return redirect(url)
    return redirect("home")


# Names of Dyzo's own experts and coordinators: staff, not the personal data of the people
# Dyzo helps (docs/audit.md).
@shows_no_personal_data
@login_and_permission_required("dossiers.manage_team")
def expert_choices(request):
    """Matches for a searchable expert field: active experts and coordinators by name.
    Only coordinators compose teams, so only they may list everyone who can be on one."""
    people = User.objects.active().on_teams().search(request.GET.get("q", ""))
    results = [{"value": u.pk, "text": str(u)} for u in people[:CHOICES_LIMIT]]
    return JsonResponse({"results": results})
