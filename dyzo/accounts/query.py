from django.contrib.auth.models import UserManager as DjangoUserManager
from django.db import models

from dyzo.accounts.constants import Role


class UserQuerySet(models.QuerySet):
    def active(self):
        return self.filter(is_active=True)

    def with_role(self, role: Role):
        return self.filter(role=role)

    def on_teams(self):
        """People who can be on a dossier's team: experts and coordinators."""
        return self.filter(role__in=[Role.EXPERT, Role.COORDINATOR])

    def search(self, text: str):
        text = text.strip()
        if not text:
            return self
        return self.filter(
            models.Q(first_name__icontains=text)
            | models.Q(last_name__icontains=text)
            | models.Q(username__icontains=text)
        )

    def working_for(self, municipality):
        """Municipal workers bound to the gemeente or OCMW of `municipality`."""
        return self.filter(
            role=Role.MUNICIPAL_WORKER, parties__municipality=municipality
        ).distinct()


class UserManager(DjangoUserManager.from_queryset(UserQuerySet)):
    pass
