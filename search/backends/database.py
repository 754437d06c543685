"""The default backend: a jieba-segmented index in the site database (SQLite FTS5 or PostgreSQL).

``WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "search.backends.database"}}``.
Indexing writes ``search.IndexEntry`` rows through the ORM; the triggers from
migration 0002 keep the FTS5 table or the tsvector columns in step.
"""

from modelsearch.utils import get_content_type_pk, get_descendants_content_types_pks

from django.db import connection, transaction
from django.utils.encoding import force_str

from ..analysis import index_tokens
from ..indexing import Tokeniser
from ..models import IndexEntry
from ..text import normalize
from .base import Candidate, ChineseSearchBackendBase, document_text

TITLE_WEIGHT = 10.0
BATCH_SIZE = 100  # rows per INSERT/UPDATE: well under SQLite's limit on query parameters


def _fts5_string(token, prefix=False):
    return '"' + token.replace('"', '""') + '"' + ("*" if prefix else "")


def _tsquery_lexeme(token, prefix=False):
    return "'" + token.replace("'", "''") + "'" + (":*" if prefix else "")


def _word_expression(word, quote, and_op, or_op, prefix):
    alternatives = []
    for position, tokens in enumerate(word.alternatives):
        last = len(tokens) - 1
        quoted = [quote(token, prefix and position == 0 and i == last) for i, token in enumerate(tokens)]
        alternatives.append("(" + and_op.join(quoted) + ")")
    return "(" + or_op.join(alternatives) + ")"


def title_word_count(parsed, title_tokens, prefix=False):
    """How many query words the title contains (all tokens of the word or of one of its synonyms)."""
    tokens = set(title_tokens.split())
    count = 0
    last = len(parsed.words) - 1
    for position, word in enumerate(parsed.words):
        for alternative in word.alternatives:
            whole, partial = alternative, []
            if prefix and position == last:
                whole, partial = alternative[:-1], alternative[-1:]
            if all(token in tokens for token in whole) and all(
                any(title_token.startswith(token) for title_token in tokens) for token in partial
            ):
                count += 1
                break
    return count


def _phrase_sql(words, document_columns, contains):
    """One 0/1 column per query word cut into several tokens: does the text contain the word as typed?

    Words of one token are contained as typed whenever they match, so they cost no text scan.
    """
    columns, params = [], []
    for word in words:
        if not word.is_phrase:
            continue
        tests = []
        for form in word.forms:
            for column in document_columns:
                tests.append(contains.format(column=column))
                params.append(form)
        columns.append("(" + " OR ".join(tests) + ")")
    return columns, params


class SQLiteQuery:
    """SQL over the FTS5 table; ``bm25`` is negated so that bigger is better."""

    contains = "instr({column}, %s) > 0"

    def __init__(self, parsed, content_type_ids, title_only, prefix):
        last = len(parsed.words) - 1
        self.parsed = parsed
        self.words = [
            _word_expression(word, _fts5_string, " AND ", " OR ", prefix and i == last)
            for i, word in enumerate(parsed.words)
        ]
        self.content_type_ids = content_type_ids
        self.title_only = title_only

    def _match(self, expression, title_only=False):
        columns = "title_tokens" if title_only else "{title_tokens body_tokens}"
        return f"{columns} : ({expression})"

    def sql(self):
        params = []
        if len(self.words) > 1:
            word_columns = [
                "(f.rowid IN (SELECT rowid FROM search_indexentry_fts WHERE search_indexentry_fts MATCH %s))"
                for _ in self.words
            ]
            params += [self._match(word, self.title_only) for word in self.words]
        else:
            word_columns = ["1"]
        phrase_columns, phrase_params = _phrase_sql(
            self.parsed.words, ["e.title"] if self.title_only else ["e.title", "e.body"], self.contains
        )
        params += phrase_params
        params.append(self._match(" OR ".join(self.words), self.title_only))
        placeholders = ", ".join(["%s"] * len(self.content_type_ids))
        params += self.content_type_ids
        sql = (
            f"SELECT e.object_id, e.title, e.title_tokens, -bm25(search_indexentry_fts, {TITLE_WEIGHT}, 1.0), "
            + ", ".join(word_columns + phrase_columns)
            # CROSS JOIN keeps the FTS scan outermost; otherwise SQLite may probe FTS once per entry.
            + " FROM search_indexentry_fts f CROSS JOIN search_indexentry e ON e.id = f.rowid "
            f"WHERE search_indexentry_fts MATCH %s AND e.content_type_id IN ({placeholders})"
        )
        return sql, params


class PostgresQuery:
    """SQL over the tsvector columns; ranks with ``ts_rank``, title weighted."""

    contains = "strpos({column}, %s) > 0"

    def __init__(self, parsed, content_type_ids, title_only, prefix):
        last = len(parsed.words) - 1
        self.parsed = parsed
        self.words = [
            _word_expression(word, _tsquery_lexeme, " & ", " | ", prefix and i == last)
            for i, word in enumerate(parsed.words)
        ]
        self.content_type_ids = content_type_ids
        self.title_only = title_only

    def sql(self):
        document = "e.title_vector" if self.title_only else "(e.title_vector || e.body_vector)"
        everything = " | ".join(self.words)
        score_sql = (
            f"ts_rank(e.title_vector, to_tsquery('simple', %s)) * {TITLE_WEIGHT}"
            " + ts_rank(e.body_vector, to_tsquery('simple', %s))"
        )
        params = [everything, everything]
        word_columns = [f"({document} @@ to_tsquery('simple', %s))::int" for _ in self.words]
        params += self.words
        phrase_columns, phrase_params = _phrase_sql(
            self.parsed.words, ["e.title"] if self.title_only else ["e.title", "e.body"], self.contains
        )
        params += phrase_params
        if self.title_only:
            where = "e.title_vector @@ to_tsquery('simple', %s)"
            params.append(everything)
        else:
            where = "(e.title_vector @@ to_tsquery('simple', %s) OR e.body_vector @@ to_tsquery('simple', %s))"
            params += [everything, everything]
        params.append(list(self.content_type_ids))
        sql = (
            f"SELECT e.object_id, e.title, e.title_tokens, {score_sql}, "
            + ", ".join(word_columns + phrase_columns)
            + f" FROM search_indexentry e WHERE {where} AND e.content_type_id = ANY(%s)"
        )
        return sql, params


def candidate_from_row(parsed, row, prefix):
    """A Candidate from (object_id, title, title_tokens, score, one 0/1 per word, one 0/1 per phrase word)."""
    object_id, title, title_tokens, score, *flags = row
    count = len(parsed.words)
    word_flags = flags[:count] if count > 1 else [1] * count
    phrase_flags = iter(flags[len(flags) - sum(word.is_phrase for word in parsed.words) :])
    title_text = normalize(title)
    phrases = title_phrases = 0
    for word, matched in zip(parsed.words, word_flags, strict=True):
        in_phrase = next(phrase_flags) if word.is_phrase else matched
        phrases += bool(in_phrase)
        title_phrases += any(form in title_text for form in word.forms)
    return Candidate(
        object_id,
        sum(int(flag) for flag in word_flags),
        title_word_count(parsed, title_tokens, prefix),
        float(score),
        phrases=phrases,
        title_phrases=title_phrases,
    )


QUERY_CLASSES = {"sqlite": SQLiteQuery, "postgresql": PostgresQuery}


class ChineseDatabaseSearchBackend(ChineseSearchBackendBase):
    """Chinese full-text search on the site database; no extra server."""

    catch_indexing_errors = False

    def __init__(self, params):
        super().__init__(params)
        self.rebuilder_class = DatabaseRebuilder
        self.recutting_rebuilder_class = RecuttingRebuilder
        self.tokeniser = Tokeniser(processes=1)  # a rebuild swaps in a pool of processes
        self.recut = False
        self.written = None  # during a rebuild: the (content type, object id) pairs written so far

    def candidates(self, parsed, model, *, title_only=False, prefix=False):
        content_type_ids = get_descendants_content_types_pks(model)
        query_class = QUERY_CLASSES[connection.vendor]
        sql, params = query_class(parsed, content_type_ids, title_only, prefix).sql()
        with connection.cursor() as cursor:
            cursor.execute(sql, params)
            rows = cursor.fetchall()
        # Title matches are counted here from the short title: cheaper than one FTS scan per word.
        return [candidate_from_row(parsed, row, prefix) for row in rows]

    def write(self, model, objects):
        """Insert or update the entries of ``objects`` in a few queries, whatever their number.

        Text that has not changed since it was last indexed keeps its tokens (cut once, reused): a
        dictionary edit re-segments the stored text that contains the word (``search.signals``), so
        stored tokens are always those of the current dictionary. ``recut`` forces cutting again.
        """
        content_type_id = get_content_type_pk(model)
        documents = {force_str(obj.pk): document_text(obj) for obj in objects}
        if not documents:
            return
        existing = {
            entry.object_id: entry
            for entry in IndexEntry.objects.filter(content_type_id=content_type_id, object_id__in=list(documents))
        }
        new, changed, to_cut = [], [], []
        for object_id, (title, body) in documents.items():
            entry = existing.get(object_id)
            if entry is None:
                entry = IndexEntry(content_type_id=content_type_id, object_id=object_id)
                new.append(entry)
            elif (entry.title, entry.body) != (title, body) or self.recut:
                changed.append(entry)
            else:
                continue
            entry.title, entry.body = title, body
            to_cut.append(entry)
        tokens = iter(self.tokeniser.tokens([text for entry in to_cut for text in (entry.title, entry.body)]))
        for entry in to_cut:
            entry.title_tokens, entry.body_tokens = next(tokens), next(tokens)
        with transaction.atomic():
            IndexEntry.objects.bulk_create(new, batch_size=BATCH_SIZE)
            IndexEntry.objects.bulk_update(
                changed, ["title", "body", "title_tokens", "body_tokens"], batch_size=BATCH_SIZE
            )
        if self.written is not None:
            self.written.update((content_type_id, object_id) for object_id in documents)

    def remove(self, obj):
        IndexEntry.objects.filter(
            content_type_id=get_content_type_pk(obj._meta.model), object_id=force_str(obj.pk)
        ).delete()

    def clear(self):
        IndexEntry.objects.all().delete()

    def resegment(self, entries):
        """Re-tokenise stored text after a dictionary change, without loading the objects."""
        for entry in entries:
            entry.title_tokens = index_tokens(entry.title)
            entry.body_tokens = index_tokens(entry.body)
            entry.save(update_fields=["title_tokens", "body_tokens"])


class DatabaseRebuilder:
    """Used by ``update_index`` and ``rebuild_chinese_index``: refill in one transaction, so searches
    see the old index until the new one is complete. Entries of objects no longer indexed are
    deleted at the end; unchanged text keeps its tokens unless ``recut`` (rebuild_chinese_index)."""

    recut = False

    def __init__(self, index):
        self.index = index
        self.atomic = transaction.atomic()
        self.tokeniser = Tokeniser()

    def start(self):
        backend = self.index.backend
        self.atomic.__enter__()
        self._saved = backend.tokeniser, backend.recut, backend.written
        backend.tokeniser, backend.recut, backend.written = self.tokeniser.__enter__(), self.recut, set()
        return self.index

    def finish(self):
        backend = self.index.backend
        written = backend.written
        backend.tokeniser, backend.recut, backend.written = self._saved
        self.tokeniser.__exit__(None, None, None)
        stale = [
            pk
            for pk, content_type_id, object_id in IndexEntry.objects.values_list("pk", "content_type_id", "object_id")
            if (content_type_id, object_id) not in written
        ]
        for start in range(0, len(stale), BATCH_SIZE * 5):
            IndexEntry.objects.filter(pk__in=stale[start : start + BATCH_SIZE * 5]).delete()
        self.atomic.__exit__(None, None, None)


class RecuttingRebuilder(DatabaseRebuilder):
    """``rebuild_chinese_index``: cut every text again with the current dictionary."""

    recut = True


SearchBackend = ChineseDatabaseSearchBackend
