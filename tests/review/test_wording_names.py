"""录入后检查 also finds a leader's name with a title that is not theirs and a wrong form of an official name."""

import pytest

from review.models import LeaderName, OfficialName
from tests.review.test_checks import at_check_step, findings_modal, paragraph

pytestmark = pytest.mark.django_db


def test_leader_titles_and_official_names_are_checked_before_publication(client, people):
    LeaderName.objects.create(name="王五", titles="市委常委、政法委书记")
    OfficialName.objects.create(name="清江市公安局", wrong_forms="清江公安局")
    page = at_check_step(client, people, body=paragraph("<p>副市长王五在清江公安局调研。政法委书记王五强调。</p>"))
    modal = findings_modal(client, people, page)
    assert "正文：“王五”的职务是“市委常委、政法委书记”，不是“副市长”。" in modal
    assert "正文：机构名称“清江公安局”应为“清江市公安局”。" in modal
    assert modal.count("王五") == 1
