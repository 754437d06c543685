"""Chinese text analysis shared by every backend: normalisation, jieba segmentation, query parsing.

The index side stores jieba's search-mode tokens joined by spaces, so that a
plain whitespace tokenizer (SQLite FTS5 ``unicode61``, PostgreSQL's ``simple``
configuration, Elasticsearch's ``whitespace`` analyzer) sees the same Chinese
words on every engine. The query side segments each space-separated word the
same way and asks for all of its tokens.

Editors extend jieba with political-legal terms and synonym groups (snippets in
``search.models``). Saving one bumps a version number in Django's cache; every
worker compares that number before it segments and reloads the dictionary when
it changed, so edits apply without a restart.
"""

import logging
import re
import threading
from dataclasses import dataclass, field

import jieba

from django.core.cache import cache
from django.db import DatabaseError

from .models import SearchTerm, Synonym
from .text import normalize

logger = logging.getLogger(__name__)
jieba.setLogLevel(logging.WARNING)

MAX_QUERY_LENGTH = 100
MAX_QUERY_WORDS = 8
DICTIONARY_VERSION_KEY = "search:dictionary-version"

# A token is a run of letters, digits or CJK characters; everything else separates.
_TOKEN_RE = re.compile(r"[^\W_]+")
# Boolean operators of FTS5, Lucene and tsquery typed as words; they are dropped, never interpreted.
_OPERATOR_WORDS = {"and", "or", "not", "near"}


class Dictionary:
    """One jieba tokenizer per process, kept in step with the editors' terms and synonyms."""

    def __init__(self):
        self._lock = threading.Lock()
        self._tokenizer = None
        self._version = None
        self._user_words = set()
        self._synonyms = {}

    def _current_version(self):
        version = cache.get(DICTIONARY_VERSION_KEY)
        if version is None:
            version = 1
            cache.add(DICTIONARY_VERSION_KEY, version, timeout=None)
        return version

    def tokenizer(self):
        version = self._current_version()
        if self._tokenizer is None or version != self._version:
            with self._lock:
                if self._tokenizer is None or version != self._version:
                    self._reload(version)
        return self._tokenizer

    @property
    def version(self):
        """The dictionary version the tokenizer was last loaded at."""
        return self._version

    def synonyms(self, word):
        self.tokenizer()
        return self._synonyms.get(word, ())

    def _reload(self, version):
        if self._tokenizer is None:
            tokenizer = jieba.Tokenizer()
            tokenizer.initialize()
            self._tokenizer = tokenizer
        words = {}
        try:
            for term in SearchTerm.objects.all():
                words[normalize(term.word)] = term.frequency
            synonyms = {}
            for group in Synonym.objects.all():
                members = group.members()
                for member in members:
                    words.setdefault(member, None)
                    synonyms[member] = tuple(other for other in members if other != member)
        except DatabaseError:  # tables missing before migrate: segment with jieba's own dictionary
            logger.warning("search dictionary tables unavailable; using jieba's built-in dictionary")
            words, synonyms = {}, {}
        for word in self._user_words - set(words):
            self._tokenizer.del_word(word)
        for word, frequency in words.items():
            if " " in word or not word:
                continue
            self._tokenizer.add_word(word, freq=frequency)
        self._user_words = set(words)
        self._synonyms = synonyms
        self._version = version


dictionary = Dictionary()


def load_dictionary():
    """Load jieba and the editors' words now (portal.warmup runs it when a worker boots)."""
    dictionary.tokenizer()


def bump_dictionary_version():
    """Make every worker reload the dictionary before its next segmentation."""
    try:
        cache.incr(DICTIONARY_VERSION_KEY)
    except ValueError:
        cache.set(DICTIONARY_VERSION_KEY, 2, timeout=None)


def _clean_tokens(tokens):
    # One regex pass over the joined tokens is much faster than one per token on long laws.
    return _TOKEN_RE.findall(" ".join(tokens))


def index_tokens(text):
    """Search-mode tokens of ``text`` joined by spaces: words plus the dictionary words inside long ones."""
    text = normalize(text)
    if not text:
        return ""
    return tokens_with(dictionary.tokenizer(), text)


def tokens_with(tokenizer, text):
    """``index_tokens`` with a given tokenizer and normalised text: what the indexing processes run."""
    tokens = []
    for token in tokenizer.cut_for_search(text, HMM=False):
        tokens.append(token)
        if len(token) > 4:
            tokens.extend(_dictionary_words_inside(tokenizer, token))
    return " ".join(_clean_tokens(tokens))


def _dictionary_words_inside(tokenizer, word):
    """Dictionary words of four or more characters inside ``word`` (search mode adds only 2- and 3-character ones),
    so that 电信网络诈骗 is found inside 反电信网络诈骗法."""
    return [
        word[start:end]
        for start in range(len(word))
        for end in range(start + 4, len(word) + (start > 0))
        if tokenizer.FREQ.get(word[start:end])
    ]


def word_tokens(word):
    """Precise-mode tokens of one query word; all of them must be present for the word to match."""
    tokenizer = dictionary.tokenizer()
    return list(dict.fromkeys(_clean_tokens(tokenizer.cut(word, HMM=False))))


@dataclass
class QueryWord:
    """A space-separated word of the query: its own tokens, and each synonym's tokens, any of which match."""

    text: str
    alternatives: list = field(default_factory=list)  # list of token lists
    forms: list = field(default_factory=list)  # the word as typed, then its synonyms

    @property
    def is_phrase(self):
        """True when some form is cut into several tokens, so containing the tokens is not containing the form."""
        return any(len(tokens) > 1 for tokens in self.alternatives)

    @property
    def all_tokens(self):
        return list(dict.fromkeys(token for tokens in self.alternatives for token in tokens))


@dataclass
class ParsedQuery:
    text: str
    words: list

    def __bool__(self):
        return bool(self.words)

    @property
    def highlight_terms(self):
        """Strings to mark in snippets: the words themselves, their synonyms, then their tokens."""
        terms = []
        for word in self.words:
            terms.append(word.text)
            terms.extend(dictionary.synonyms(word.text))
            terms.extend(word.all_tokens)
        return list(dict.fromkeys(term for term in terms if term))


def clean_query(raw):
    """The query as the user may see it again: normalised and capped at MAX_QUERY_LENGTH characters."""
    return normalize(raw)[:MAX_QUERY_LENGTH].strip()


def parse_query(raw):
    """Turn user input into words of tokens. Syntax characters and operator words are plain separators."""
    text = clean_query(raw)
    words = []
    for chunk in text.split():
        if chunk in _OPERATOR_WORDS:
            continue
        for piece in _TOKEN_RE.findall(chunk):
            if piece in _OPERATOR_WORDS or any(word.text == piece for word in words):
                continue
            forms = [piece, *dictionary.synonyms(piece)]
            tokenised = [(form, word_tokens(form)) for form in forms]
            tokenised = [(form, tokens) for form, tokens in tokenised if tokens]
            if tokenised:
                words.append(
                    QueryWord(piece, [tokens for _form, tokens in tokenised], [form for form, _tokens in tokenised])
                )
        if len(words) >= MAX_QUERY_WORDS:
            break
    return ParsedQuery(text, words[:MAX_QUERY_WORDS])
