from django import forms

from dyzo.reports.constants import ReportSection


class ReportSectionsForm(forms.Form):
    """One text area per section of the dossier type's report."""

    def __init__(self, *args, section_keys: list[str], initial_texts: dict | None = None, **kw):
        super().__init__(*args, **kw)
        initial_texts = initial_texts or {}
        for key in section_keys:
            self.fields[key] = forms.CharField(
                label=ReportSection(key).label,
                required=False,
                widget=forms.Textarea(attrs={"rows": 8}),
                initial=initial_texts.get(key, ""),
            )
