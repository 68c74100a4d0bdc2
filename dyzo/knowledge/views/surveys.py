"""The satisfaction survey: in the portal for workers, and through the e-mail link."""

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from dyzo.audit.reads import audits_read, shown
from dyzo.knowledge import surveys as services
from dyzo.knowledge.errors import SurveyError
from dyzo.knowledge.forms import SurveyForm
from dyzo.knowledge.models import Survey
from dyzo.portal.access import for_municipal_workers
from dyzo.utils.pagination import keyset_page

PAGE_SIZE = 25


def get_survey_for_user(user, pk) -> Survey:
    return get_object_or_404(
        Survey.objects.visible_to(user).select_related("report__dossier", "municipality"), pk=pk
    )


@audits_read("survey.listed")
@require_safe
@for_municipal_workers
def survey_list(request):
    queryset = Survey.objects.visible_to(request.user).select_related(
        "report__dossier", "municipality"
    )
    page = keyset_page(queryset, ["-id"], request.GET.get("after"), PAGE_SIZE)
    shown(request, page.items)
    return render(request, "knowledge/survey_list.html", {"page": page})


def _answer(request, survey, *, done_url):
    form = SurveyForm(request.POST or None)
    if request.method == "POST" and form.is_valid() and not survey.is_answered:
        try:
            services.answer_survey(survey, form.cleaned_data, actor=request.user)
        except SurveyError as error:
            form.add_error(None, str(error))
        else:
            messages.success(request, _("Thank you: your answer was recorded."))
            return redirect(done_url)
    return render(request, "knowledge/survey_form.html", {"form": form, "survey": survey})


@audits_read("survey.viewed", model=Survey)
@for_municipal_workers
def survey_answer(request, pk):
    survey = get_survey_for_user(request.user, pk)
    return _answer(request, survey, done_url="knowledge:survey_list")


# The token is a key: the entry names no object (the path holds the token anyway).
@audits_read("survey.viewed")
def survey_link(request, token):
    """The e-mail link: the token is the key, no login needed. The page shows the dossier's
    reference and delivery date only, nothing about the entrepreneur."""
    survey = get_object_or_404(Survey.objects.select_related("report__dossier"), token=token)
    return _answer(request, survey, done_url=request.path)
