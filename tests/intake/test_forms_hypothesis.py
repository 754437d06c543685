"""Every public form, fed random input: never a server error, and nothing stored unless the form took it.

Hypothesis posts random unicode (control characters, right-to-left overrides, markup), over-long
values, several values for one field, numbers and files where text belongs, and missing fields,
both on their own and mixed into an otherwise valid submission. Runs are derandomized with a fixed
number of examples, so they are fast and the same on every run.
"""

import itertools

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from django.core.cache import cache
from django.core.files.uploadedfile import SimpleUploadedFile

from legal_services.models import LegalAidApplication, LegalAidAttachment, QaColumnPage, Question
from mailbox.models import Attachment, Letter
from mediation.models import MediationRequest
from tests.columns.helpers import add_column
from tests.intake.helpers import legal_aid_data, letter_data, mediation_data, question_data

pytestmark = pytest.mark.django_db

FORMS = {
    "letter": ("/mailbox/write/", letter_data, [Letter, Attachment], ["attachments", "allow_publish"]),
    "question": ("/legal/ask/", question_data, [Question], ["consent_to_publish"]),
    "column_question": ("/nwwd/ask/", question_data, [Question], ["consent_to_publish"]),
    "legal_aid": ("/legal/aid/", legal_aid_data, [LegalAidApplication, LegalAidAttachment], ["attachments"]),
    "mediation": ("/zztj/apply/", mediation_data, [MediationRequest], []),
}
QUERIES = {
    "letter_query": ("/mailbox/query/", ["number", "query_code", "captcha_0", "captcha_1"]),
    "letter_rating": ("/mailbox/rate/", ["number", "query_code", "rating"]),
    "legal_aid_query": ("/legal/aid/query/", ["tracking_number", "query_code", "captcha_0", "captcha_1"]),
    "mediation_query": ("/zztj/query/", ["tracking_number", "query_code", "captcha_0", "captcha_1"]),
}
EXAMPLES = 15
KEYS = itertools.count()

NASTY = st.sampled_from(
    ["", " ", "\x00", "a\x07b", "\u202e\u5f20\u4e09", "\ufeff", "<script>alert(1)</script>", "PASSED", "on", "０" * 11]
)
VALUE = st.one_of(
    st.text(max_size=40),
    st.text(alphabet=st.characters(min_codepoint=0, max_codepoint=0x2FF), max_size=40),
    st.builds(lambda part, times: part * times, st.text(min_size=1, max_size=4), st.integers(200, 3000)),
    st.integers().map(str),
    st.lists(st.text(max_size=12), min_size=2, max_size=3),
    NASTY,
)
FILE = st.builds(lambda content: SimpleUploadedFile("文件.pdf", content), st.binary(max_size=200))


def field_values(names):
    """Any subset of the fields (the others are missing), each with a random value, or a file where text belongs."""
    return st.fixed_dictionaries({}, optional={name: st.one_of(VALUE, FILE) for name in names})


def corrupted(names):
    """A valid submission with one to three fields replaced by random values or left out."""
    return st.lists(
        st.tuples(st.sampled_from(names), st.one_of(VALUE, st.none())), min_size=1, max_size=3, unique_by=lambda p: p[0]
    )


hypothesis_settings = settings(
    max_examples=EXAMPLES,
    derandomize=True,
    deadline=None,
    database=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow, HealthCheck.data_too_large],
)


@pytest.fixture
def public_pages(home, mediation_column):
    add_column(home, QaColumnPage, "你问我答", "nwwd", question_categories=["qa", "policy", "litigation"])
    return home


def stored(models):
    return [model.objects.count() for model in models]


def check(client, url, data, models):
    before = stored(models)
    response = client.post(url, data)
    assert response.status_code < 500, (url, data)
    if response.status_code != 302:
        assert stored(models) == before, (url, data)  # refused: nothing kept
    cache.clear()  # the rate limits count accepted ones; each example starts afresh
    return response


@pytest.mark.parametrize("form", FORMS)
def test_random_input_never_breaks_a_form_nor_leaves_a_row(client, public_pages, form):
    url, valid_data, models, extra_fields = FORMS[form]
    names = [*valid_data(client), *extra_fields]

    @hypothesis_settings
    @given(data=field_values(names))
    def random_fields(data):
        check(client, url, data, models)

    @hypothesis_settings
    @given(changes=corrupted(names))
    def one_valid_submission_spoilt(changes):
        data = {**valid_data(client), "submission_key": f"hypothesis-{next(KEYS)}"}
        for name, value in changes:
            if value is None:
                data.pop(name, None)
            else:
                data[name] = value
        check(client, url, data, models)

    random_fields()
    one_valid_submission_spoilt()


@pytest.mark.parametrize("form", QUERIES)
def test_random_input_never_breaks_a_query(client, public_pages, form):
    url, names = QUERIES[form]

    @hypothesis_settings
    @given(data=field_values(names))
    def random_query(data):
        response = client.post(url, data)
        assert response.status_code < 500, data
        cache.clear()

    random_query()
