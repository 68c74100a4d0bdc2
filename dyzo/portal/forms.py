from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.dossiers.models import NO_NATIONAL_NUMBER
from dyzo.localgov.models import Party
from dyzo.portal.constants import AnswerChannel, RequestKind
from dyzo.portal.models import HelpRequest


class HelpRequestForm(forms.ModelForm):
    """A help request: the party it is for (one of the worker's own), what is asked, and the
    least the entrepreneur's data Dyzo needs to start."""

    on_behalf_of = forms.ModelChoiceField(
        label=_("On behalf of"), queryset=Party.objects.none(), empty_label=None
    )
    # Typed the way the KBO writes it (0403.170.701); stored compact.
    enterprise_number = forms.CharField(
        label=_("Enterprise number"),
        max_length=20,
        required=False,
        help_text=_("KBO number, for example 0403.170.701."),
    )

    class Meta:
        model = HelpRequest
        fields = [
            "on_behalf_of",
            "kind",
            "entrepreneur_first_name",
            "entrepreneur_last_name",
            "enterprise_number",
            "phase",
            "question",
            "answer_channel",
        ]
        widgets = {"kind": forms.RadioSelect, "question": forms.Textarea(attrs={"rows": 5})}
        help_texts = {"entrepreneur_last_name": NO_NATIONAL_NUMBER}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["on_behalf_of"].queryset = user.parties.select_related("municipality").order_by(
            "municipality__name", "kind"
        )
        self.fields["kind"].choices = RequestKind.choices

    def clean_enterprise_number(self):
        value = self.cleaned_data["enterprise_number"]
        return clean_enterprise_number(value) if value else ""

    def service_data(self) -> dict:
        return {field: self.cleaned_data.get(field) for field in self.Meta.fields[1:]}


class AnswerForm(forms.Form):
    topic = forms.CharField(label=_("Topic"), max_length=200)
    advice = forms.CharField(label=_("Advice given"), widget=forms.Textarea(attrs={"rows": 4}))
    channel = forms.ChoiceField(label=_("Channel"), choices=AnswerChannel.choices)
    minutes_spent = forms.IntegerField(label=_("Minutes spent"), min_value=0, initial=0)


class DeclineForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason for declining"),
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("The worker who asked sees this reason."),
    )
