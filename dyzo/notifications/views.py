from post_office.models import STATUS, Email

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db.models import Prefetch
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from dyzo.audit.reads import audits_read, shown, shows_no_personal_data
from dyzo.notifications import services
from dyzo.notifications.forms import PreferenceForm
from dyzo.notifications.mail import preference_of
from dyzo.notifications.models import Notification
from dyzo.utils.pagination import keyset_page

PAGE_SIZE = 25
# post-office's own status names have no Dutch.
MAIL_STATUS = {
    STATUS.sent: gettext_lazy("Sent"),
    STATUS.failed: gettext_lazy("Failed"),
    STATUS.queued: gettext_lazy("Waiting"),
    STATUS.requeued: gettext_lazy("Waiting for a retry"),
    None: gettext_lazy("Waiting"),
}


def get_notification_for_user(user, pk) -> Notification:
    """A person's own notification; 404 for anyone else's."""
    return get_object_or_404(Notification.objects.addressed_to(user), pk=pk)


@audits_read("notification.listed")
@login_required
def notification_list(request):
    queryset = Notification.objects.addressed_to(request.user)
    page = keyset_page(queryset, ["-id"], request.GET.get("after"), PAGE_SIZE)
    shown(request, page.items)
    return render(request, "notifications/list.html", {"page": page})


@login_required
@require_POST
def notification_open(request, pk):
    """Mark the notification read and go to its page."""
    notification = get_notification_for_user(request.user, pk)
    services.mark_read(notification, actor=request.user)
    target = notification.url
    if not url_has_allowed_host_and_scheme(target, allowed_hosts=None):
        return redirect("notifications:list")
    return redirect(target)


@login_required
@require_POST
def notification_read_all(request):
    count = services.mark_all_read(actor=request.user)
    messages.success(request, _("%(count)s notifications marked as read.") % {"count": count})
    return redirect("notifications:list")


@shows_no_personal_data
@login_required
def preferences(request):
    current = preference_of(request.user)
    initial = {"email_mode": current.email_mode, "language": current.language}
    form = PreferenceForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        services.update_preferences(request.user, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Your notification preferences were saved."))
        return redirect("notifications:preferences")
    return render(request, "notifications/preferences.html", {"form": form})


@audits_read("notification.outbox_viewed")
@login_required
def outbox(request):
    """The e-mails of the queue: your own; administrators see every mail with its error."""
    everyone = request.user.has_perm("notifications.view_outbox")
    queryset = Email.objects.all()
    if not everyone:
        queryset = queryset.filter(
            pk__in=Notification.objects.addressed_to(request.user)
            .exclude(email=None)
            .values("email")
        )
    queryset = queryset.prefetch_related(Prefetch("logs", to_attr="attempts")).defer(
        "html_message", "message", "context", "headers"
    )
    page = keyset_page(queryset, ["-id"], request.GET.get("after"), PAGE_SIZE)
    now = timezone.now()
    for email in page.items:
        email.waiting = email.status in (STATUS.queued, STATUS.requeued)
        if email.waiting and email.expires_at and email.expires_at <= now:
            email.waiting = False
            email.status_label = _("Not sent: the recipient's account was deactivated")
        else:
            email.status_label = MAIL_STATUS.get(email.status, email.status)
    return render(request, "notifications/outbox.html", {"page": page, "everyone": everyone})
