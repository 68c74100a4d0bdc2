from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models

from dyzo.accounts.constants import Role


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_role(self, role: Role):
        return self.filter(role=role)

    def working_for(self, municipality):
        """Municipal workers bound to the gemeente or OCMW of `municipality`."""
        return self.filter(
            role=Role.MUNICIPAL_WORKER, parties__municipality=municipality
        ).distinct()


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass
