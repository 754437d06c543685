"""Fixtures of the assessment tests."""

import pytest
import time_machine

from tests.assessment.helpers import at
from tests.portal.factories import UserFactory


@pytest.fixture
def admin_user(db):
    """The committee's administrator who reads the reports (replaces pytest-django's ``admin_user`` here)."""
    return UserFactory(username="kh_admin", email="kh@example.gov.cn", password="pw-kh-admin", superuser=True)


@pytest.fixture
def today():
    """The tests look at the reports on 2026-12-20."""
    with time_machine.travel(at(2026, 12, 20), tick=False):
        yield


@pytest.fixture
def staff(client, admin_user, today):
    client.force_login(admin_user)
    return client
