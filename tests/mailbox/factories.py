"""Letters, stored the way the public form stores them."""

import uuid

import factory

from mailbox import workflow
from mailbox.models import Letter

TITLE = "小区门口占道经营影响通行"
CONTENT = "青石镇建设路小区门口每天早上有流动摊贩占道经营，车辆和行人通行困难，希望有关部门加强管理。"


class LetterFactory(factory.Factory):
    """A letter submitted through ``workflow.submit_letter`` (reference number, query code, due date, history).

    The plain query code, which the database keeps only hashed, is left on the letter as ``plain_query_code``.
    """

    class Meta:
        model = Letter

    name = "李四"
    phone = "13800000000"
    email = ""
    category = "consult"
    title = TITLE
    content = CONTENT
    allow_publish = True
    key = factory.LazyFunction(lambda: uuid.uuid4().hex)

    @classmethod
    def _create(cls, model_class, *args, key, **fields):
        letter, code = workflow.submit_letter(fields, key)
        letter.plain_query_code = code
        return letter
