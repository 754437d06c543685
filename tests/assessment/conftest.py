"""Fixtures of the assessment tests."""

import pytest

from tests.portal.factories import UserFactory


@pytest.fixture
def admin_user(db):
    """The committee's administrator who reads the reports (replaces pytest-django's ``admin_user`` here)."""
    return UserFactory(username="kh_admin", email="kh@example.gov.cn", password="pw-kh-admin", superuser=True)
