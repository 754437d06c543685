"""Fixtures of the mailbox tests: the letter-handling units and the staff with their roles."""

import pytest

from tests.mailbox.helpers import letter_unit, make_staff


@pytest.fixture
def unit(db):
    return letter_unit("青石镇人民政府")


@pytest.fixture
def other_unit(db):
    return letter_unit("市公安局交警支队")


@pytest.fixture
def office(db):
    return make_staff("office", "handle_letter", "view_letter")


@pytest.fixture
def leader(db):
    return make_staff("leader", "approve_letter")


@pytest.fixture
def unit_staff(unit):
    return make_staff("unitstaff", "reply_letter", units=[unit])


@pytest.fixture
def other_unit_staff(other_unit):
    return make_staff("otherstaff", "reply_letter", units=[other_unit])
