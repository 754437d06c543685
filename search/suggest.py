"""“您是不是要找”: for a one-word query with no result, a dictionary word one character away that has results.

Candidates come from jieba's dictionary and the editors' terms (both are in the tokenizer's
frequency table). A word one edit away from the query shares its first or its last character,
so words are bucketed by length and by those characters once per dictionary version.
"""

import re

from .analysis import dictionary

MAX_SUGGESTIONS_TRIED = 8
_CJK_WORD = re.compile(r"^[\u4e00-\u9fff]{2,8}$")


def one_edit_apart(first, second):
    """True when one character substituted, inserted or deleted turns ``first`` into ``second``."""
    if first == second or abs(len(first) - len(second)) > 1:
        return False
    if len(first) == len(second):
        return sum(a != b for a, b in zip(first, second, strict=True)) == 1
    shorter, longer = sorted((first, second), key=len)
    return any(longer[:index] + longer[index + 1 :] == shorter for index in range(len(longer)))


class _Buckets:
    def __init__(self):
        self.version = None
        self.by_key = {}

    def words(self, length, first, last):
        tokenizer = dictionary.tokenizer()
        if self.version != dictionary.version:
            by_key = {}
            for word, frequency in tokenizer.FREQ.items():
                if frequency and _CJK_WORD.match(word):
                    by_key.setdefault((len(word), "first", word[0]), []).append((frequency, word))
                    by_key.setdefault((len(word), "last", word[-1]), []).append((frequency, word))
            self.by_key, self.version = by_key, dictionary.version
        return self.by_key.get((length, "first", first), []) + self.by_key.get((length, "last", last), [])


_buckets = _Buckets()


def candidates(query):
    """Dictionary words one character away from ``query``, most frequent first."""
    if not _CJK_WORD.match(query):
        return []
    found = {}
    for length in (len(query) - 1, len(query), len(query) + 1):
        for frequency, word in _buckets.words(length, query[0], query[-1]):
            if one_edit_apart(query, word):
                found[word] = frequency
    return [word for word, _frequency in sorted(found.items(), key=lambda item: -item[1])]


def suggestion(query, has_results):
    """The most frequent candidate for which ``has_results(word)`` is true, or None."""
    for word in candidates(query)[:MAX_SUGGESTIONS_TRIED]:
        if has_results(word):
            return word
    return None
