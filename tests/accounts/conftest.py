"""Fixtures of the account security tests: staff who may use the admin, and an administrator."""

import pytest

from tests.portal.factories import UserFactory


@pytest.fixture
def staff(db):
    return UserFactory(username="zhangsan", first_name="三", last_name="张", permissions=["access_admin"])


@pytest.fixture
def admin_user(db):
    return UserFactory(username="sysadmin", superuser=True)
