"""A select that is searched instead of scrolled: it renders only the chosen option and asks
a JSON endpoint for matches as the user types (Tom Select, served from django-tomselect's
static files; initialised by js/searchable-select.js, so no inline script under the CSP)."""

from django import forms
from django.urls import reverse


class SearchableSelect(forms.Select):
    """For a ModelChoiceField over a large or growing table (municipalities, experts).

    `url_name` answers `?q=text` (and `?pk=` for one id) with
    `{"results": [{"value": ..., "text": ...}]}`. Rendering costs one query for the chosen
    value, however many rows the table holds."""

    class Media:
        css = {"all": ["django_tomselect/vendor/tom-select/css/tom-select.default.min.css"]}
        js = ["django_tomselect/js/django-tomselect.min.js", "js/searchable-select.js"]

    def __init__(self, url_name: str, attrs=None, query: str = ""):
        super().__init__(attrs)
        self.url_name = url_name
        self.query = query

    def get_context(self, name, value, attrs):
        context = super().get_context(name, value, attrs)
        url = reverse(self.url_name) + (f"?{self.query}" if self.query else "")
        context["widget"]["attrs"]["data-search-url"] = url
        return context

    def optgroups(self, name, value, attrs=None):
        chosen = [v for v in value if v not in ("", None)]
        field_choices = self.choices
        queryset = getattr(field_choices, "queryset", None)
        options = []
        if getattr(field_choices.field, "empty_label", None) is not None:
            options.append(("", field_choices.field.empty_label))
        if chosen and queryset is not None:
            for obj in queryset.filter(pk__in=[v for v in chosen if str(v).isdigit()]):
                options.append((str(obj.pk), field_choices.field.label_from_instance(obj)))
        groups = []
        for index, (option_value, label) in enumerate(options):
            selected = option_value in {str(v) for v in chosen} or (not chosen and not index)
            option = self.create_option(name, option_value, label, selected, index, attrs=attrs)
            groups.append((None, [option], index))
        return groups
