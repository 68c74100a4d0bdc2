from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.knowledge.constants import EvaluationScore, TriageQuestion
from dyzo.knowledge.models import Guide, Topic, Training
from dyzo.localgov.models import Party


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the guides"), max_length=200, required=False)
    topic = forms.ModelChoiceField(
        label=_("Topic"), queryset=Topic.objects.all(), required=False, to_field_name="slug"
    )


class GuideForm(forms.ModelForm):
    change_note = forms.CharField(
        label=_("What changed"),
        max_length=300,
        required=False,
        help_text=_("Shown in the guide's history."),
    )

    class Meta:
        model = Guide
        fields = ["topic", "title", "summary", "body", "language", "status"]
        widgets = {"body": forms.Textarea(attrs={"rows": 16})}


class AttachmentForm(forms.Form):
    file = forms.FileField(label=_("File"))


YES_NO = [("yes", _("Yes")), ("no", _("No"))]


class TriageForm(forms.Form):
    """The triage checklist: for whom, the topic, and the yes/no questions. No field for
    anything about the entrepreneur."""

    on_behalf_of = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Party.objects.none(), empty_label=None
    )
    topic = forms.ModelChoiceField(
        label=_("Topic of the question"), queryset=Topic.objects.all(), required=False
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"].queryset = user.parties.select_related("municipality").order_by(
            "municipality__name", "kind"
        )
        for question in TriageQuestion:
            self.fields[question.value] = forms.TypedChoiceField(
                label=question.label,
                choices=YES_NO,
                coerce=lambda value: value == "yes",
                widget=forms.RadioSelect,
            )

    def answers(self) -> dict[str, bool]:
        return {question.value: self.cleaned_data[question.value] for question in TriageQuestion}


class TrainingForm(forms.ModelForm):
    class Meta:
        model = Training
        fields = [
            "title",
            "topic",
            "description",
            "starts_at",
            "ends_at",
            "place",
            "online",
            "capacity",
            "trainers",
            "with_vvsg",
        ]
        widgets = {
            "starts_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "ends_at": forms.DateTimeInput(attrs={"type": "datetime-local"}),
            "description": forms.Textarea(attrs={"rows": 4}),
        }


class RegisterForm(forms.Form):
    on_behalf_of = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Party.objects.none(), empty_label=None
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"].queryset = user.parties.select_related("municipality").order_by(
            "municipality__name", "kind"
        )


class EvaluationForm(forms.Form):
    content = forms.TypedChoiceField(
        label=_("Content"), choices=EvaluationScore.choices, coerce=int, widget=forms.RadioSelect
    )
    trainers = forms.TypedChoiceField(
        label=_("Trainers"), choices=EvaluationScore.choices, coerce=int, widget=forms.RadioSelect
    )
    usefulness = forms.TypedChoiceField(
        label=_("Usefulness for my work"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )


class SurveyForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label=_("How useful was the report for your work with the entrepreneur?"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    clarity = forms.TypedChoiceField(
        label=_("How clear was the report?"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    timeliness = forms.TypedChoiceField(
        label=_("Did the report come in time?"),
        choices=EvaluationScore.choices,
        coerce=int,
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
