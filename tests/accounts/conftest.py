"""Fixtures of the account security tests: staff who may use the admin, and an administrator."""

import pytest

from tests.portal.factories import UserFactory


@pytest.fixture(autouse=True)
def admin_session_limits(settings):
    """The defaults of portal/settings/base.py (the test settings lift them for the other apps' tests)."""
    settings.PORTAL_ADMIN_IDLE_TIMEOUT = 1800
    settings.PORTAL_ADMIN_SESSION_MAX_AGE = 43_200


@pytest.fixture
def staff(db):
    return UserFactory(username="zhangsan", first_name="三", last_name="张", permissions=["access_admin"])


@pytest.fixture
def admin_user(db):
    return UserFactory(username="sysadmin", superuser=True)
