from django import forms
from django.utils.translation import gettext_lazy as _

from dyzo.insights.years import report_years


class YearForm(forms.Form):
    year = forms.TypedChoiceField(label=_("Year"), coerce=int, choices=())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["year"].choices = [(year, year) for year in report_years()]
