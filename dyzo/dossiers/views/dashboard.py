import datetime

from django.shortcuts import render

from dyzo.audit.reads import shows_no_personal_data
from dyzo.dossiers import dashboard
from dyzo.dossiers.access import needs
from dyzo.dossiers.models import Dossier


@shows_no_personal_data
@needs("dossiers.view_dashboard")
def dashboard_page(request):
    today = datetime.date.today()
    dossiers = Dossier.objects.visible_to(request.user)
    table = dashboard.age_table(dossiers, today)
    context = {
        "table": table,
        "chart": dashboard.chart_data(table),
        "overdue": dashboard.overdue(dossiers, today)[:50],
        "overdue_days": dashboard.overdue_days(),
        "summary": dashboard.summary(dossiers, today),
    }
    return render(request, "dossiers/dashboard.html", context)
