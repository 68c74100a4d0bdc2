from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.knowledge.models import Guide, Topic


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
