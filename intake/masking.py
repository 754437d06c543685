"""How a citizen's personal details appear anywhere public, and their phone number to staff before they reveal it."""

import re
from dataclasses import dataclass, field


def mask_name(name: str | None) -> str:
    """张三 → 张*, 欧阳娜娜 → 欧***: only the first character of a name is ever shown; no name is 匿名."""
    name = (name or "").strip()
    return name[0] + "*" * max(1, len(name) - 1) if name else "匿名"


def mask_digits(value: str, keep_start: int, keep_end: int) -> str:
    """13812345678 → 138****5678: the middle of a number replaced by asterisks."""
    hidden = len(value) - keep_start - keep_end
    if hidden <= 0:
        return "*" * len(value)
    return value[:keep_start] + "*" * hidden + value[len(value) - keep_end :]


# Mainland mobile numbers, optionally written in groups (138 1234 5678, 138-1234-5678).
MOBILE = re.compile(r"(?<!\d)1[3-9]\d[ -]?\d{4}[ -]?\d{4}(?!\d)")
# Resident ID numbers: 18 characters (last may be X) or the old 15 digits.
ID_NUMBER = re.compile(r"(?<![\dXx])(?:\d{17}[\dXx]|\d{15})(?![\dXx])")
# The precise part of an address: house, building, unit, room numbers (人民路58号3栋2单元501室, 清江村3组).
# Not after 〔〕[], 第 or 月, which number documents, articles and days (清政发〔2023〕12号, 第12号令, 3月5号),
# nor a metro line (2号线).
HOUSE_NUMBER = re.compile(r"(?<![〔〕\[\]第月\d])(?:\d+(?:[-－]\d+)?(?:号楼|号院|号(?!线)|栋|幢|单元|室|层|组)){1,5}")


@dataclass
class Masked:
    """Masked text and what was hidden in it: ``findings`` are (kind, original, shown) triples."""

    text: str
    findings: list[tuple[str, str, str]] = field(default_factory=list)


def _digits(value: str) -> str:
    return re.sub(r"\D", "", value or "")


def mask_personal_details(text: str, *, name: str = "", phone: str = "") -> Masked:
    """Hides a writer's name, phone numbers, ID numbers and house numbers before the text is published.

    The writer's own name is hidden in full and by its given name (王秀兰 → 王**, 秀兰 → **);
    their phone wherever it appears, and any mobile or ID number, since none belongs on a public page.
    """
    result = Masked(text or "")

    def replace(pattern, kind, shown):
        def substitute(match):
            original = match.group(0)
            masked = shown(original)
            result.findings.append((kind, original, masked))
            return masked

        result.text = pattern.sub(substitute, result.text)

    name = (name or "").strip()
    if len(name) >= 2:
        replace(re.compile(re.escape(name)), "姓名", mask_name)
        given = name[1:]
        if len(given) >= 2:
            replace(re.compile(re.escape(given)), "姓名", lambda value: "*" * len(value))
    phone_digits = _digits(phone)
    if len(phone_digits) >= 7:
        # The writer's own number, also when written with separators inside it.
        spaced = r"[ -]?".join(re.escape(digit) for digit in phone_digits)
        replace(re.compile(rf"(?<!\d){spaced}(?!\d)"), "电话", mask_phone)
    replace(ID_NUMBER, "身份证号", lambda value: mask_digits(value, 3, 2))
    replace(MOBILE, "电话", mask_phone)
    replace(HOUSE_NUMBER, "地址", lambda value: "**")
    return result


def mask_phone(phone: str | None) -> str:
    """138 0000 1234 → 138****1234: the first three and last four digits, enough to tell numbers apart."""
    return mask_digits(_digits(phone), 3, 4)
