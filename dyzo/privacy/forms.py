from django import forms
from django.utils.translation import gettext_lazy as _


class ErasureForm(forms.Form):
    confirm = forms.BooleanField(
        label=_(
            "I confirm: remove this entrepreneur's personal data, notes, report texts and "
            "documents for good. The dossiers remain, without personal data, for the figures."
        )
    )
