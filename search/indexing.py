"""Tokenise many texts at once for a rebuild, in several processes.

jieba is pure Python, so a rebuild is bound by one core; a pool of forked
processes (each inheriting the dictionary the parent has just loaded, so no
worker reloads it or touches the database) cuts the texts side by side while the
parent writes the rows. ``SEARCH_INDEX_PROCESSES`` sets the pool size (1 turns
it off); small batches are cut in-process, where a pool costs more than it saves.
"""

import multiprocessing

from django.conf import settings

from .analysis import dictionary, index_tokens, tokens_with
from .text import normalize

# Below this many characters in a batch, cutting in-process is faster than handing the texts out.
MIN_PARALLEL_CHARACTERS = 200_000

_worker_tokenizer = None


def _cut(text):
    return tokens_with(_worker_tokenizer, text) if text else ""


class Tokeniser:
    """``tokens(texts)`` → the index tokens of each text, in order; use as a context manager for a rebuild."""

    def __init__(self, processes=None):
        self.processes = processes if processes is not None else settings.SEARCH_INDEX_PROCESSES
        self._pool = None

    def __enter__(self):
        global _worker_tokenizer
        if self.processes > 1:
            _worker_tokenizer = dictionary.tokenizer()  # loaded once here, inherited by every forked worker
            self._pool = multiprocessing.get_context("fork").Pool(self.processes)
        return self

    def __exit__(self, *exc_info):
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None

    def tokens(self, texts):
        texts = [normalize(text) for text in texts]
        if self._pool is None or sum(map(len, texts)) < MIN_PARALLEL_CHARACTERS:
            return [index_tokens(text) for text in texts]
        chunk = max(1, len(texts) // (self.processes * 4))
        return self._pool.map(_cut, texts, chunksize=chunk)
