import factory

from dyzo.accounts.constants import Expertise, Role
from dyzo.accounts.models import User

TEST_PASSWORD = "correct-horse-battery-staple"


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = User
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    first_name = factory.Faker("first_name", locale="nl_BE")
    last_name = factory.Faker("last_name", locale="nl_BE")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.org")
    role = Role.COORDINATOR
    password = factory.django.Password(TEST_PASSWORD)

    class Params:
        coordinator = factory.Trait(role=Role.COORDINATOR)
        expert = factory.Trait(role=Role.EXPERT, expertise=Expertise.LAWYER)
        analyst = factory.Trait(role=Role.ANALYST)
        administrator = factory.Trait(role=Role.ADMINISTRATOR, is_staff=True)
        municipal_worker = factory.Trait(role=Role.MUNICIPAL_WORKER)
        inactive = factory.Trait(is_active=False)

    @factory.post_generation
    def parties(self, create, extracted, **kwargs):
        if create and extracted:
            self.parties.set(extracted)
