from django.apps import AppConfig
from django.contrib.auth.signals import user_logged_in
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class AccountsConfig(AppConfig):
    name = "dyzo.accounts"
    verbose_name = _("Accounts")

    def ready(self):
        from dyzo.accounts.middleware import stamp_login
        from dyzo.accounts.signals import sync_roles_after_migrate

        # Roles are data; every migrate (also the test database's) brings them in step.
        post_migrate.connect(sync_roles_after_migrate, sender=self)
        # Session limits count from the login (dyzo/accounts/middleware.py).
        user_logged_in.connect(stamp_login, dispatch_uid="dyzo.accounts.stamp_login")
