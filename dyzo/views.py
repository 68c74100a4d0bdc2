import datetime

from django.contrib.auth.decorators import login_required
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views import defaults

from dyzo.accounts.constants import Role
from dyzo.api.exceptions import error_body
from dyzo.audit.reads import shows_no_personal_data
from dyzo.worklist import analyst_figures, work_for


@shows_no_personal_data
@login_required
def home(request):
    """Each role's start page is its work of today (dyzo/worklist.py); the tiles below it
    lead to everything else."""
    # Municipal and OCMW staff have their own start page: the portal.
    if request.user.is_municipal_worker:
        return redirect("portal:home")
    today = datetime.date.today()
    context = {"work": work_for(request.user, today)}
    if request.user.role == Role.ANALYST:
        context["figures"] = analyst_figures(today)
    return render(request, "home.html", context)


def not_found(request, exception):
    """Django's 404 page, and for a path under /api/ the API's error shape: a path that
    matches no route (an id with a slash in it) answers like every other API error."""
    if request.path_info.startswith("/api/"):
        return JsonResponse(error_body(_("Not found."), "not_found"), status=404)
    return defaults.page_not_found(request, exception)
