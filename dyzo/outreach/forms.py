import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.agreements.forms import DATE_WIDGET, MunicipalityChoiceField
from dyzo.localgov.models import Municipality, Province
from dyzo.outreach.constants import ContactKind, DeclineReasonCode
from dyzo.outreach.models import Contact, DeclineReason


class ContactFilterForm(forms.Form):
    q = forms.CharField(label=_("Municipality"), required=False, help_text=_("Name or NIS code"))
    kind = forms.ChoiceField(
        label=_("Kind"), choices=[("", _("All")), *ContactKind.choices], required=False
    )
    province = forms.ModelChoiceField(
        label=_("Province"), queryset=Province.objects.all(), required=False, empty_label=_("All")
    )

    def filter(self, queryset):
        data = self.cleaned_data
        if text := (data.get("q") or "").strip():
            matching = Municipality.objects.search(text)
            queryset = queryset.filter(municipality__in=matching)
        if data.get("kind"):
            queryset = queryset.filter(kind=data["kind"])
        if data.get("province"):
            queryset = queryset.filter(municipality__province=data["province"])
        return queryset


class ContactForm(forms.ModelForm):
    class Meta:
        model = Contact
        fields = [
            "municipality",
            "kind",
            "happened_on",
            "coordinator",
            "with_whom",
            "notes",
            "follow_up_on",
        ]
        field_classes = {"municipality": MunicipalityChoiceField}
        widgets = {"happened_on": DATE_WIDGET, "follow_up_on": DATE_WIDGET}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = Municipality.objects.order_by("name", "nis_code")
        self.fields["coordinator"].queryset = User.objects.filter(
            role__in=[Role.COORDINATOR, Role.ADMINISTRATOR], is_active=True
        )
        self.fields["coordinator"].help_text = _("Empty: you.")
        self.fields["happened_on"].initial = datetime.date.today
        if self.instance.pk:
            del self.fields["municipality"]

    def _post_clean(self):
        # The services check the contact; a refused change must not touch the instance.
        pass


class DeclineReasonForm(forms.ModelForm):
    class Meta:
        model = DeclineReason
        fields = ["year", "code", "text"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["code"].choices = DeclineReasonCode.choices

    def _post_clean(self):
        pass
