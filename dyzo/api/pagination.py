from rest_framework.pagination import CursorPagination

from dyzo.audit.reads import shown


class KeysetPagination(CursorPagination):
    """Cursor (keyset) pagination: a page deep in a million rows costs what the first does.

    Views set `ordering` to an indexed, unique-ending ordering.
    """

    ordering = "-pk"
    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_ordering(self, request, queryset, view):
        # Each view names its own keyset; the paginator's "-pk" is only the fallback.
        ordering = getattr(view, "ordering", None) or self.ordering
        return (ordering,) if isinstance(ordering, str) else tuple(ordering)

    def paginate_queryset(self, queryset, request, view=None):
        page = super().paginate_queryset(queryset, request, view)
        # The read's audit entry names the rows of the page (dyzo/audit/reads.py).
        shown(request, page or [])
        return page
