import functools

from django.contrib.auth.decorators import login_required, permission_required
from django.http import Http404

from dyzo.insights.years import is_report_year

VIEW_REPORT = "insights.view_cooperation_report"


def can_view_cooperation_report(view):
    """Anonymous users go to the login page; users without the permission get 403; a year
    outside the registry's years is 404."""

    @login_required
    @permission_required(VIEW_REPORT, raise_exception=True)
    @functools.wraps(view)
    def wrapped(request, *args, year=None, **kwargs):
        if year is not None and not is_report_year(year):
            raise Http404("No report for this year.")
        if year is not None:
            kwargs["year"] = year
        return view(request, *args, **kwargs)

    return wrapped
