from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination

from django import forms
from django.utils.translation import gettext as _

from dyzo.audit.reads import shown


class KeysetPagination(CursorPagination):
    """Cursor (keyset) pagination: a page deep in a million rows costs what the first does.

    Views set `ordering` to an indexed, unique-ending ordering.
    """

    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        """`page_size` from 1 to `max_page_size`, or a 400: never silently another size."""
        raw = request.query_params.get(self.page_size_query_param)
        if raw is None:
            return self.page_size
        field = forms.IntegerField(min_value=1, max_value=self.max_page_size)
        try:
            return field.clean(raw)
        except forms.ValidationError:
            message = _("Enter a whole number from 1 to %(max)s.") % {"max": self.max_page_size}
            raise ValidationError({self.page_size_query_param: [message]}) from None

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters

    def get_ordering(self, request, queryset, view):
        # Each view names its own keyset; the paginator's "-pk" is only the fallback.
        ordering = getattr(view, "ordering", None) or self.ordering
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # The read's audit entry names the rows of the page (dyzo/audit/reads.py).
        shown(request, page or [])
        return page
