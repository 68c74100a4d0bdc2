import datetime

from django.http import HttpResponse
from django.shortcuts import render

from dyzo.agreements.access import can_view_tariffs
from dyzo.agreements.pricing import quote_for
from dyzo.localgov.access import get_municipality_for_user
from dyzo.utils.pdf import render_to_pdf


def _context(request, nis_code):
    municipality = get_municipality_for_user(request.user, nis_code)
    return {"quote": quote_for(municipality), "today": datetime.date.today()}


@can_view_tariffs
def quote(request, nis_code):
    return render(request, "agreements/quote.html", _context(request, nis_code))


@can_view_tariffs
def quote_pdf(request, nis_code):
    context = _context(request, nis_code)
    pdf = render_to_pdf("agreements/quote_pdf.html", context)
    response = HttpResponse(pdf, content_type="application/pdf")
    filename = f"dyzo-offerte-{nis_code}-{context['quote'].year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
