from django import forms
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _


class AuditFilterForm(forms.Form):
    """Narrows the trail to one object (content_type + object_id), one user, or one event."""

    content_type = forms.CharField(
        label=_("Object type"), required=False, help_text=_("For example dossiers.dossier")
    )
    object_id = forms.CharField(label=_("Object id"), required=False, max_length=64)
    actor = forms.IntegerField(label=_("User id"), required=False, min_value=1)
    code = forms.CharField(
        label=_("Event"), required=False, max_length=80, help_text=_("For example dossier.viewed")
    )

    def clean_content_type(self):
        label = self.cleaned_data["content_type"].strip().lower()
        if not label:
            return None
        app_label, _dot, model = label.partition(".")
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type is None:
            raise forms.ValidationError(_("Unknown object type."))
        return content_type

    def filter(self, queryset):
        data = self.cleaned_data
        if data.get("content_type"):
            queryset = queryset.filter(content_type=data["content_type"])
        if data.get("object_id"):
            queryset = queryset.filter(object_id=data["object_id"])
        if data.get("actor"):
            queryset = queryset.by_user(data["actor"])
        if data.get("code"):
            queryset = queryset.filter(code=data["code"])
        return queryset
