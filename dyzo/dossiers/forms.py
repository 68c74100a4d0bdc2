import datetime

from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.constants import Role
from dyzo.accounts.models import User
from dyzo.agreements.constants import CaseType
from dyzo.dossiers.constants import DocumentKind, DossierStatus, Outcome
from dyzo.dossiers.enterprise_number import clean_enterprise_number
from dyzo.dossiers.models import NO_NATIONAL_NUMBER, Activity, AdviceEntry, Dossier, Entrepreneur
from dyzo.localgov.choices import municipalities_to_choose
from dyzo.localgov.models import Municipality
from dyzo.utils.validators import YearWindow
from dyzo.utils.widgets import SearchableSelect

DATE = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
# New records name a municipality that exists today, searched instead of a select of ~300.
CURRENT_MUNICIPALITY = SearchableSelect("localgov:municipality_choices", query="current=1")


def current_municipalities():
    return Municipality.objects.existing_on(datetime.date.today()).order_by("name")


def municipal_workers():
    return User.objects.active().with_role(Role.MUNICIPAL_WORKER).order_by("last_name")


class EntrepreneurForm(forms.ModelForm):
    # Longer than the stored 10 digits: people type dots, spaces or a "BE" prefix.
    enterprise_number = forms.CharField(
        label=_("Enterprise number"),
        max_length=20,
        required=False,
        help_text=_("KBO number, for example 0403.170.701."),
    )

    class Meta:
        model = Entrepreneur
        fields = [
            "first_name",
            "last_name",
            "date_of_birth",
            "enterprise_number",
            "legal_form",
            "sector",
            "municipality",
            "address",
            "phone",
            "email",
            "situation_notes",
        ]
        widgets = {"date_of_birth": DATE, "municipality": CURRENT_MUNICIPALITY}
        help_texts = {"date_of_birth": NO_NATIONAL_NUMBER}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = current_municipalities()
        if self.instance.enterprise_number:
            self.initial["enterprise_number"] = self.instance.enterprise_number_display

    def clean_enterprise_number(self):
        value = self.cleaned_data["enterprise_number"]
        return clean_enterprise_number(value) if value else None


class IntakeForm(forms.ModelForm):
    """A referral: the dossier's facts. The entrepreneur is an existing one or a new one
    filled in on the same page (EntrepreneurForm with prefix "entrepreneur")."""

    existing_entrepreneur = forms.ModelChoiceField(
        label=_("Existing entrepreneur"),
        queryset=Entrepreneur.objects.none(),
        required=False,
        help_text=_("Leave empty to register a new entrepreneur below."),
    )

    class Meta:
        model = Dossier
        fields = [
            "case_type",
            "municipality",
            "referring_party",
            "referring_worker",
            "phase",
            "help_request",
            "opened_on",
        ]
        widgets = {"opened_on": DATE, "municipality": CURRENT_MUNICIPALITY}

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["existing_entrepreneur"].queryset = Entrepreneur.objects.visible_to(user)
        self.fields["municipality"].queryset = current_municipalities()
        self.fields["referring_worker"].queryset = municipal_workers()

    def service_kwargs(self) -> dict:
        return {field: self.cleaned_data[field] for field in self.Meta.fields}


class DossierEditForm(forms.ModelForm):
    version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Dossier
        fields = ["phase", "referring_party", "referring_worker", "help_request", "opened_on"]
        widgets = {"opened_on": DATE}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["referring_worker"].queryset = municipal_workers()
        if not self.is_bound:
            self.initial["version"] = self.instance.version


class FetchedChoiceIterator(forms.models.ModelChoiceIterator):
    """Reads the choices with one plain query. ModelChoiceIterator uses iterator(), which on
    PostgreSQL opens a server-side cursor: three round trips for a worker's one or two
    municipalities."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for obj in self.queryset.all():
            yield self.choice(obj)


class MunicipalityChoiceField(forms.ModelChoiceField):
    iterator = FetchedChoiceIterator

    def label_from_instance(self, obj):
        return obj.choice_label()


def municipality_filter_field(user) -> forms.ModelChoiceField:
    """A municipality filter offering only what `user` may pick: a worker's own few as a
    plain select, the whole registry as a searchable field that loads matches on demand
    (rendering a select of every municipality cost more than the page's queries)."""
    queryset = municipalities_to_choose(user)
    widget = None if user.is_municipal_worker else SearchableSelect("localgov:municipality_choices")
    return MunicipalityChoiceField(
        label=_("Municipality"),
        queryset=queryset,
        required=False,
        empty_label=_("All"),
        widget=widget,
    )


class DossierFilterForm(forms.Form):
    q = forms.CharField(
        label=_("Search"), required=False, help_text=_("Reference or entrepreneur's name")
    )
    status = forms.ChoiceField(
        label=_("Status"), choices=[("", _("All"))] + DossierStatus.choices, required=False
    )
    case_type = forms.ChoiceField(
        label=_("Type"), choices=[("", _("All"))] + CaseType.choices, required=False
    )
    year = forms.IntegerField(label=_("Year"), required=False, validators=[YearWindow()])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"] = municipality_filter_field(user)
        # Only a coordinator sees every expert's dossiers; the others see their own or their
        # municipality's, so an expert filter would offer them names for nothing.
        if user.is_coordinator:
            self.fields["expert"] = forms.ModelChoiceField(
                label=_("Expert"),
                queryset=User.objects.on_teams(),
                required=False,
                empty_label=_("All"),
                widget=SearchableSelect("accounts:expert_choices"),
            )
        self.order_fields(["q", "status", "case_type", "municipality", "expert", "year"])

    def filter(self, queryset):
        data = self.cleaned_data
        queryset = queryset.search(data.get("q") or "")
        for field in ("status", "case_type", "municipality", "year"):
            if data.get(field):
                queryset = queryset.filter(**{field: data[field]})
        if data.get("expert"):
            queryset = queryset.with_expert(data["expert"])
        return queryset


class TeamMemberForm(forms.Form):
    user = forms.ModelChoiceField(label=_("Add to the team"), queryset=User.objects.none())

    def __init__(self, *args, dossier, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["user"].queryset = (
            User.objects.active()
            .filter(role__in=[Role.EXPERT, Role.COORDINATOR])
            .exclude(dossier_roles__dossier=dossier)
        )


class ActivityForm(forms.ModelForm):
    class Meta:
        model = Activity
        fields = ["kind", "happened_on", "duration_minutes", "travel_km", "notes"]
        widgets = {"happened_on": DATE}


class DocumentForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of document"), choices=DocumentKind.choices)
    file = forms.FileField(label=_("File"), help_text=_("PDF, PNG or JPEG, at most 10 MB."))


class MoveForm(forms.Form):
    to_status = forms.ChoiceField(choices=DossierStatus.choices, widget=forms.HiddenInput)
    version = forms.IntegerField(widget=forms.HiddenInput)


class CloseForm(forms.Form):
    outcome = forms.ChoiceField(label=_("Outcome"), choices=[("", "---------")] + Outcome.choices)
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class CancelForm(forms.Form):
    note = forms.CharField(
        label=_("Reason for cancelling"), widget=forms.Textarea(attrs={"rows": 2})
    )
    version = forms.IntegerField(widget=forms.HiddenInput)


class AdviceEntryForm(forms.ModelForm):
    class Meta:
        model = AdviceEntry
        fields = [
            "asked_on",
            "municipality",
            "party",
            "asked_by",
            "asked_by_user",
            "channel",
            "topic",
            "question",
            "advice",
            "minutes_spent",
        ]
        widgets = {"asked_on": DATE, "municipality": CURRENT_MUNICIPALITY}

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"].queryset = current_municipalities()
        self.fields["asked_by_user"].queryset = municipal_workers()
        # Blank in the model for imported placeholders only; a logged question names its party.
        self.fields["party"].required = True


class AdviceFilterForm(forms.Form):
    year = forms.IntegerField(label=_("Year"), required=False, validators=[YearWindow()])

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["municipality"] = municipality_filter_field(user)
        self.order_fields(["municipality", "year"])

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("municipality"):
            queryset = queryset.filter(municipality=data["municipality"])
        if data.get("year"):
            queryset = queryset.filter(asked_on__year=data["year"])
        return queryset


class EntrepreneurFilterForm(forms.Form):
    q = forms.CharField(label=_("Search"), required=False, help_text=_("Name or enterprise number"))
