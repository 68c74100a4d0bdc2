import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.agreements.constants import AgreementForm, AgreementStatus
from dyzo.agreements.models import Agreement, TariffBracket, TariffSchedule
from dyzo.agreements.validators import validate_pdf_upload
from dyzo.localgov.forms import year_choices
from dyzo.localgov.models import Municipality, Province
from dyzo.utils.validators import DateWindow

DATE_WIDGET = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")


class MunicipalityChoiceField(forms.ModelChoiceField):
    def label_from_instance(self, obj):
        return f"{obj.name} ({obj.nis_code})"


class AgreementFilterForm(forms.Form):
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All")), *AgreementStatus.choices], required=False
    )
    form = forms.ChoiceField(
        label=_("Form"), choices=[("", _("All")), *AgreementForm.choices], required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )
    year = forms.TypedChoiceField(
        label=_("In force in"),
        choices=[("", _("Any year")), *year_choices()],
        coerce=int,
        required=False,
        empty_value=None,
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("status"):
            queryset = queryset.filter(status=data["status"])
        if data.get("form"):
            queryset = queryset.of_form(data["form"])
        if data.get("province"):
            queryset = queryset.filter(municipality__province=data["province"])
        if data.get("year"):
            queryset = queryset.in_force_during(data["year"])
        return queryset


class AgreementEditForm(forms.ModelForm):
    """The terms of a draft or proposed agreement. Fees left empty are proposed from the
    tariff schedule of the start year."""

    class Meta:
        model = Agreement
        fields = [
            "municipality",
            "party",
            "form",
            "starts_on",
            "ends_on",
            "annual_fee",
            "fee_enterprise_scan",
            "fee_social_pre_investigation",
            "notes",
        ]
        field_classes = {"municipality": MunicipalityChoiceField}
        widgets = {"starts_on": DATE_WIDGET, "ends_on": DATE_WIDGET}
        help_texts = {
            "annual_fee": _("Leave empty to use the tariff for its population in the start year."),
            "fee_enterprise_scan": _("Leave empty to use the tariff of the start year."),
            "fee_social_pre_investigation": _("Leave empty to use the tariff of the start year."),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name", "nis_code")
        if self.instance.pk:
            # The municipality of an existing agreement is fixed; make a new one instead.
            del self.fields["municipality"]

    def _post_clean(self):
        # The services check the terms; skip ModelForm's model validation, which would
        # need the municipality set on the instance.
        pass


class NotesForm(forms.ModelForm):
    """All that may still change on a signed agreement."""

    class Meta:
        model = Agreement
        fields = ["notes"]


class SignForm(forms.Form):
    signed_on = forms.DateField(
        label=_("Signed on"),
        widget=DATE_WIDGET,
        initial=datetime.date.today,
        validators=[DateWindow("happened")],
    )
    document = forms.FileField(
        label=_("Signed document (PDF)"), required=False, validators=[validate_pdf_upload]
    )
    without_document = forms.BooleanField(
        label=_("Sign without attaching the PDF"),
        required=False,
        help_text=_("Only when the signed paper is kept elsewhere; you can attach it later."),
    )


class TerminateForm(forms.Form):
    ends_on = forms.DateField(
        label=_("Ends on"), widget=DATE_WIDGET, validators=[DateWindow("agreement")]
    )


class DocumentForm(forms.Form):
    document = forms.FileField(label=_("Signed document (PDF)"), validators=[validate_pdf_upload])


class TariffScheduleForm(forms.ModelForm):
    class Meta:
        model = TariffSchedule
        fields = ["year", "price_enterprise_scan", "price_social_pre_investigation"]


class TariffBracketForm(forms.ModelForm):
    class Meta:
        model = TariffBracket
        fields = ["population_from", "population_to", "annual_price"]


TariffBracketFormSet = forms.inlineformset_factory(
    TariffSchedule,
    TariffBracket,
    form=TariffBracketForm,
    extra=2,
    can_delete=True,
    min_num=1,
    validate_min=True,
)


def brackets_from(formset) -> list[dict]:
    """The brackets a valid formset describes, deleted and empty rows left out."""
    return [
        {key: form.cleaned_data.get(key) for key in TariffBracketForm.Meta.fields}
        for form in formset.forms
        if form.cleaned_data and not form.cleaned_data.get("DELETE")
    ]
