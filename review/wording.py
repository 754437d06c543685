"""Wording problems in a text: forbidden and sensitive words, wrong terms, a leader's name next to a title that
is not theirs, wrong forms of an organisation's name. The review's automatic check uses it on each item, and
``check_live_wording`` runs it over everything already published (严重表述错误 is a single-veto item).
"""

import re
from dataclasses import dataclass

from .models.words import LEVEL_BLOCKING, LeaderName, OfficialName, SensitiveWord, TermCorrection

SENTENCE_END = re.compile(r"[。！？!?；;\n]")
SENTENCE_MAX = 120
# Between a title and a name: nothing, a space, or a middle dot (市委书记 张三, 市长·张三).
GAP = re.compile(r"^[\s·]{0,2}")
# Titles a leader's name is often written next to, besides those in the leaders list itself.
COMMON_TITLES = (
    "书记", "副书记", "市委书记", "市委副书记", "市委常委", "市长", "副市长", "常务副市长", "秘书长", "副秘书长",
    "县委书记", "县长", "副县长", "区委书记", "区长", "副区长", "镇长", "副镇长", "乡长", "副乡长",
    "主任", "副主任", "主席", "副主席", "局长", "副局长", "院长", "副院长", "检察长", "副检察长",
    "政法委书记", "政法委副书记", "部长", "副部长", "厅长", "副厅长", "处长", "科长", "所长", "队长",
)  # fmt: skip


@dataclass(frozen=True)
class Problem:
    kind: str
    level: str
    word: str
    message: str
    start: int
    end: int


@dataclass
class WordLists:
    """The editable lists, read once per run."""

    words: list
    terms: list
    leaders: list  # (name, titles)
    organisations: list  # (official name, wrong forms)

    @classmethod
    def load(cls):
        return cls(
            words=list(SensitiveWord.objects.values_list("word", "level")),
            terms=list(TermCorrection.objects.values_list("wrong", "right", "level")),
            leaders=[(leader.name, leader.title_list) for leader in LeaderName.objects.filter(active=True)],
            organisations=[(org.name, org.wrong_form_list) for org in OfficialName.objects.all()],
        )

    @property
    def all_titles(self):
        titles = {title for _, own in self.leaders for title in own} | set(COMMON_TITLES)
        return sorted(titles, key=len, reverse=True)


def _occurrences(text, needle):
    start = text.find(needle)
    while start != -1:
        yield start
        start = text.find(needle, start + 1)


def _inside(text, start, end, containers):
    """Whether text[start:end] lies inside an occurrence of any of ``containers``."""
    for container in containers:
        for offset in _occurrences(container, text[start:end]):
            begin = start - offset
            if begin >= 0 and text[begin : begin + len(container)] == container:
                return True
    return False


def _title_before(text, start, titles):
    before = text[:start].rstrip(" ·")
    return next((title for title in titles if before.endswith(title)), None)


def _title_after(text, end, titles):
    after = text[end:]
    after = after[GAP.match(after).end() :]
    return next((title for title in titles if after.startswith(title)), None)


def leader_problems(text, lists):
    titles = lists.all_titles
    problems = []
    for name, own in lists.leaders:
        for start in _occurrences(text, name):
            end = start + len(name)
            for title in (_title_before(text, start, titles), _title_after(text, end, titles)):
                if title and title not in own and not any(title in mine for mine in own):
                    problems.append(
                        Problem(
                            "leader",
                            LEVEL_BLOCKING,
                            name,
                            f"“{name}”的职务是“{'、'.join(own)}”，不是“{title}”。",
                            start,
                            end,
                        )
                    )
    return problems


def find_problems(text, lists):
    problems = []
    for word, level in lists.words:
        kind = "禁用词" if level == LEVEL_BLOCKING else "敏感词"
        problems += [
            Problem("sensitive_word", level, word, f"含有{kind}“{word}”。", start, start + len(word))
            for start in _occurrences(text, word)
        ]
    for wrong, right, level in lists.terms:
        problems += [
            Problem("term", level, wrong, f"“{wrong}”应为“{right}”。", start, start + len(wrong))
            for start in _occurrences(text, wrong)
            if not _inside(text, start, start + len(wrong), [right])
        ]
    for name, wrong_forms in lists.organisations:
        for wrong in wrong_forms:
            message = f"机构名称“{wrong}”应为“{name}”。"
            problems += [
                Problem("organisation", LEVEL_BLOCKING, wrong, message, start, start + len(wrong))
                for start in _occurrences(text, wrong)
                if not _inside(text, start, start + len(wrong), [name])
            ]
    problems += leader_problems(text, lists)
    return problems


def sentence_around(text, start, end):
    """The sentence holding text[start:end], cut to at most ``SENTENCE_MAX`` characters around it."""
    begin = max((m.end() for m in SENTENCE_END.finditer(text, 0, start)), default=0)
    stop = SENTENCE_END.search(text, end)
    stop = stop.end() if stop else len(text)
    sentence = text[begin:stop].strip()
    if len(sentence) <= SENTENCE_MAX:
        return sentence
    middle = start - begin
    left = max(0, middle - SENTENCE_MAX // 2)
    return "…" + text[begin + left : begin + left + SENTENCE_MAX].strip() + "…"
