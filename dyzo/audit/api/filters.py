import django_filters

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.utils.translation import gettext_lazy as _

from dyzo.api.filters import BoundedCharFilter, DeclaredSchema, IdFilter
from dyzo.audit.models import AuditEntry


def model_labels() -> list[tuple[str, str]]:
    """Every object type the trail can name, as `app_label.model` (an enum in the schema)."""
    labels = sorted(model._meta.label_lower for model in apps.get_models())
    return [(label, label) for label in labels]


class ModelLabelFilter(DeclaredSchema, django_filters.ChoiceFilter):
    """An object type as `app_label.model`: one of the project's models."""

    def __init__(self, **kwargs):
        labels = [label for label, _label in model_labels()]
        self.schema_type = {"type": "string", "enum": labels}
        super().__init__(choices=model_labels, **kwargs)


class AuditEntryFilterSet(django_filters.FilterSet):
    content_type = ModelLabelFilter(method="of_type", help_text=_("For example dossiers.dossier"))
    object_id = BoundedCharFilter(max_length=64)
    actor = IdFilter(method="by_user", help_text=_("User id"))
    code = BoundedCharFilter(max_length=80, help_text=_("For example dossier.viewed"))

    class Meta:
        model = AuditEntry
        fields = ["content_type", "object_id", "actor", "code"]

    def of_type(self, queryset, name, value):
        content_type = ContentType.objects.get_for_model(
            apps.get_model(value), for_concrete_model=False
        )
        return queryset.filter(content_type=content_type)

    def by_user(self, queryset, name, value):
        return queryset.by_user(value)
