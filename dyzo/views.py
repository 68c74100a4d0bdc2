import datetime

from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dyzo.accounts.constants import Role
from dyzo.worklist import analyst_figures, work_for


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
