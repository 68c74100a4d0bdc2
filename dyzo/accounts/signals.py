from dyzo.accounts.roles import sync_roles


def sync_roles_after_migrate(sender, **kwargs):
    sync_roles()
