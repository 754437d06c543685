import pytest

from django.core.exceptions import ValidationError

from portal.validators import validate_phone


@pytest.mark.parametrize(
    "number", ["13812345678", "0571-88000000", "057188000000", "010 1234 5678", "12348", "0571-88000000-123"]
)
def test_valid_phone_numbers(number):
    validate_phone(number)


@pytest.mark.parametrize("number", ["12345678", "23812345678", "1381234567", "phone", "0571-88", "", "138123456789"])
def test_invalid_phone_numbers_get_a_chinese_message(number):
    with pytest.raises(ValidationError, match="请输入有效的电话号码"):
        validate_phone(number)
