"""The admin shows; the services change (docs/principles.md: the admin is no side door)."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    """For every model whose changes a service, an import or a workflow holds the rules of
    (overlap and signing of agreements, tariff brackets, dossier and report workflows, the
    registry's loader, the append-only audit trail): the admin may list and show it only."""

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class ReadOnlyInline(admin.TabularInline):
    extra = 0

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
