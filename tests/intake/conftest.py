"""Fixtures of the tests every public form shares: the pages the column forms live on."""

import pytest

from mediation.models import MediationColumnPage, MediationOrganisation
from tests.columns.helpers import add_column


@pytest.fixture
def mediation_column(home):
    MediationOrganisation.objects.create(
        name="河西街道人民调解委员会",
        kind="people",
        area="河西街道",
        address="清江市河西街道人民路1号",
        phone="0571-86120001",
        opening_hours="工作日 8:30—17:30",
    )
    return add_column(home, MediationColumnPage, "综治调解", "zztj")
