import datetime

from django.http import HttpResponse
from django.shortcuts import render

from dyzo.agreements.access import can_view_tariffs
from dyzo.agreements.pricing import quote_for
from dyzo.audit.reads import shows_no_personal_data
from dyzo.localgov.access import get_municipality_for_user
from dyzo.utils.pdf import render_to_pdf


def quote_context(municipality) -> dict:
    return {"quote": quote_for(municipality), "today": datetime.date.today()}


def quote_pdf_response(municipality) -> HttpResponse:
    """The quote as a PDF download; the portal serves the same file to municipal workers."""
    context = quote_context(municipality)
    response = HttpResponse(
        render_to_pdf("agreements/quote_pdf.html", context), content_type="application/pdf"
    )
    filename = f"dyzo-offerte-{municipality.nis_code}-{context['quote'].year}.pdf"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response


@shows_no_personal_data
@can_view_tariffs
def quote(request, nis_code):
    municipality = get_municipality_for_user(request.user, nis_code)
    return render(request, "agreements/quote.html", quote_context(municipality))


@shows_no_personal_data
@can_view_tariffs
def quote_pdf(request, nis_code):
    return quote_pdf_response(get_municipality_for_user(request.user, nis_code))
