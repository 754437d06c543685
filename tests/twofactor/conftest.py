import pytest
import time_machine

from django.contrib.auth.models import Group, Permission

from wagtail.models import GroupPagePermission

from tests.portal.factories import UserFactory
from twofactor.policy import confirm_device, pending_device


@pytest.fixture(autouse=True)
def require_two_factor(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.fixture
def clock():
    """Frozen time that tests move on by whole TOTP steps (a code is accepted once per step)."""
    with time_machine.travel("2026-03-02 09:00:00+08:00", tick=False) as traveller:
        yield traveller


@pytest.fixture
def superuser(home):
    return UserFactory(superuser=True)


@pytest.fixture
def editor(home):
    """An admin user without sensitive rights: the second factor is voluntary."""
    return UserFactory(permissions=["access_admin"])


@pytest.fixture
def publisher(home):
    group = Group.objects.create(name="发布员")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    GroupPagePermission.objects.create(
        group=group,
        page=home,
        permission=Permission.objects.get(codename="publish_page", content_type__app_label="wagtailcore"),
    )
    return UserFactory(groups=["发布员"])


@pytest.fixture
def enrolled(superuser, clock):
    """A superuser with a confirmed authenticator; returns (user, recovery codes)."""
    codes = confirm_device(pending_device(superuser), actor=superuser)
    return superuser, codes
