from django.contrib.auth.decorators import login_required
from django.shortcuts import redirect, render

from dyzo.audit.reads import shows_no_personal_data


@shows_no_personal_data
@login_required
def home(request):
    # Municipal and OCMW staff have their own start page: the portal.
    if request.user.is_municipal_worker:
        return redirect("portal:home")
    return render(request, "home.html")
