"""Accounts, built the way ``create_user`` builds them; used by the tests of every app."""

import factory
from factory.django import DjangoModelFactory, Password

from django.conf import settings
from django.contrib.auth.models import Group, Permission

PASSWORD = "Correct-horse-battery-7"  # meets the password rules (accounts.passwords)


class UserFactory(DjangoModelFactory):
    """A user whose e-mail is ``<username>@example.gov.cn``.

    ``groups=["分管领导"]`` and ``permissions=["access_admin"]`` take group names and
    permission codenames (groups and permissions that do not exist are ignored).
    """

    class Meta:
        model = settings.AUTH_USER_MODEL
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda user: f"{user.username}@example.gov.cn")
    password = Password(PASSWORD)

    class Params:
        superuser = factory.Trait(is_superuser=True, is_staff=True)

    @factory.post_generation
    def groups(self, create, extracted, **kwargs):
        if create and extracted:
            self.groups.add(*Group.objects.filter(name__in=extracted))

    @factory.post_generation
    def permissions(self, create, extracted, **kwargs):
        if create and extracted:
            self.user_permissions.set(Permission.objects.filter(codename__in=extracted))
