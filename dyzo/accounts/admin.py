from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from dyzo.accounts.models import User


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "role", "is_active"]
    list_filter = ["role", "is_active"]
    filter_horizontal = ["parties"]
    fieldsets = [
        *DjangoUserAdmin.fieldsets,
        (_("Role in Dyzo Lokaal"), {"fields": ["role", "expertise", "phone", "parties"]}),
    ]
