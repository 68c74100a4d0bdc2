"""The Dutch PDFs of the knowledge app."""

from django.utils import timezone

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
