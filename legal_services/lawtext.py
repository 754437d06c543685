"""Reading the plain text of a law: its 编/分编/章/节/条 structure, and facts stated in its opening lines.

Laws are stored as the text they were published with, one paragraph a line.
The structure is derived when the page is shown, so a corrected text never
leaves stale anchors behind. Anchors are stable and readable: ``#art-12``
for 第十二条, ``#art-120-1`` for 第一百二十条之一, ``#chap-3`` for 第三章.
"""

import re
from dataclasses import dataclass, field
from datetime import date

NUMERALS = "零〇一二两三四五六七八九十百千万"
DIGITS = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
UNITS = {"十": 10, "百": 100, "千": 1000, "万": 10000}
SPACE = r"[ \t\u3000\u2002\u2003\u00a0]"

HEADING = re.compile(rf"^第([{NUMERALS}]+)(编|分编|章|节){SPACE}+(\S.*)?$")
ARTICLE = re.compile(rf"^第([{NUMERALS}]+)条(?:之([{NUMERALS}]+))?(?:{SPACE}+(.*))?$")
DATE = r"(\d{4})年(\d{1,2})月(\d{1,2})日"
EFFECTIVE = re.compile(rf"{DATE}\s*(?:起)?施行")
ADOPTED_BY = re.compile(rf"^{DATE}{SPACE}*(.+?)第.+?次会议(?:通过|修订|修正)")
HEADER_LINES = 12

LEVELS = {"编": 1, "分编": 2, "章": 3, "节": 4}
ANCHOR_PREFIX = {"编": "part", "分编": "subpart", "章": "chap", "节": "sec"}


def chinese_to_int(text):
    """一千二百六十 → 1260, 十二 → 12, 一百零五 → 105; None for anything else."""
    if not text or any(character not in DIGITS and character not in UNITS for character in text):
        return None
    total, section, digit = 0, 0, None
    for character in text:
        if character in DIGITS:
            digit = DIGITS[character]
            continue
        unit = UNITS[character]
        if unit == 10000:
            total += (section + (digit or 0)) * unit
            section = 0
        else:
            section += (1 if digit is None else digit) * unit
        digit = None
    return total + section + (digit or 0)


@dataclass
class Heading:
    kind: str
    label: str
    title: str
    anchor: str

    @property
    def level(self):
        return LEVELS[self.kind]


@dataclass
class Article:
    label: str
    anchor: str
    paragraphs: list = field(default_factory=list)


@dataclass
class LawText:
    preamble: list = field(default_factory=list)
    parts: list = field(default_factory=list)  # Heading and Article instances, and str for loose paragraphs

    @property
    def headings(self):
        return [part for part in self.parts if isinstance(part, Heading)]

    @property
    def article_count(self):
        return sum(isinstance(part, Article) for part in self.parts)


def _unique(anchor, used):
    candidate, counter = anchor, 1
    while candidate in used:
        counter += 1
        candidate = f"{anchor}-{counter}"
    used.add(candidate)
    return candidate


def parse_law(body):
    """Split a law's text into its opening lines, headings and articles, each with a unique anchor.

    A number seen twice (an amending decision quoting old articles) gets a
    suffix (``art-5-2``) rather than a duplicate id. Text with no headings
    (cases, notices) comes back as loose paragraphs.
    """
    result = LawText()
    used = set()
    current = None
    chapter_numbers = {}
    for raw_line in (body or "").splitlines():
        line = raw_line.strip()
        if not line:
            continue
        heading = HEADING.match(line)
        if heading:
            kind, number = heading.group(2), chinese_to_int(heading.group(1))
            prefix = ANCHOR_PREFIX[kind]
            if kind == "节" and "chap" in chapter_numbers:
                prefix = f"chap-{chapter_numbers['chap']}-sec"
            if kind == "章":
                chapter_numbers["chap"] = number
            title = (heading.group(3) or "").strip()
            label = line[: heading.start(3)].strip() if heading.group(3) else line
            result.parts.append(Heading(kind, label, title, _unique(f"{prefix}-{number}", used)))
            current = None
            continue
        article = ARTICLE.match(line)
        if article and chinese_to_int(article.group(1)):
            number = chinese_to_int(article.group(1))
            suffix = chinese_to_int(article.group(2)) if article.group(2) else None
            anchor = f"art-{number}" + (f"-{suffix}" if suffix else "")
            label = line[: article.start(3)].strip() if article.group(3) is not None else line
            current = Article(label, _unique(anchor, used))
            if article.group(3):
                current.paragraphs.append(article.group(3).strip())
            result.parts.append(current)
            continue
        if current is not None:
            current.paragraphs.append(line)
        elif not result.parts:
            result.preamble.append(line)
        else:
            result.parts.append(line)
    if not result.parts:
        # No structure at all (a case, a notice): its lines are the text, not an opening.
        result.parts, result.preamble = result.preamble, []
    return result


def _to_date(year, month, day):
    try:
        return date(int(year), int(month), int(day))
    except ValueError:
        return None


def effective_date(body):
    """施行日期 as stated in the opening lines ("2021年1月1日 施行", "自2021年1月1日起施行"), else None."""
    for line in (body or "").splitlines()[:HEADER_LINES]:
        match = EFFECTIVE.search(line)
        if match:
            return _to_date(*match.groups())
    return None


def issuing_authority(title, category, body):
    """制定机关 where the text says it: the body that adopted it, or the usual one for its kind."""
    for line in (body or "").splitlines()[:HEADER_LINES]:
        match = ADOPTED_BY.match(line.strip())
        if match:
            name = re.sub(r"^第[^届]+届", "", match.group(4)).strip().removeprefix("由")
            return name[:100]
    for issuer in ("最高人民法院 最高人民检察院", "最高人民法院", "最高人民检察院", "国务院"):
        if title.startswith(issuer):
            return issuer
    if category == "行政法规":
        return "国务院"
    return ""
