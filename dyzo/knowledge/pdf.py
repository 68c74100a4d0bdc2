"""The Dutch PDFs of the knowledge app."""

from django.utils import timezone, translation

from dyzo.utils.pdf import render_to_pdf


def attendance_certificate_pdf(registration) -> bytes:
    """The attendance certificate of one attendee, always in Dutch."""
    context = {
        "registration": registration,
        "training": registration.training,
        "worker": registration.worker,
        "issued_on": timezone.localdate(),
    }
    return render_to_pdf("knowledge/certificate_pdf.html", context)


def impact_report_pdf(municipality, year: int) -> bytes:
    """The impact report for a council, always in Dutch (its labels too)."""
    from dyzo.knowledge.impact import impact_report

    with translation.override("nl"):
        report = impact_report(municipality, year)
    return render_to_pdf("knowledge/impact_pdf.html", {"report": report})
