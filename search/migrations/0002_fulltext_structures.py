"""Vendor-specific full-text structures over search_indexentry, kept in step by triggers.

SQLite: an external-content FTS5 table over the token columns (unicode61 splits
on the spaces jieba's tokens are joined with). PostgreSQL: tsvector columns in
the ``simple`` configuration (no stemming, no stop words, so Chinese tokens
stay as they are), filled by a trigger and indexed with GIN.
"""

from django.db import migrations

SQLITE_FORWARD = [
    """CREATE VIRTUAL TABLE search_indexentry_fts USING fts5(
        title_tokens, body_tokens, content='search_indexentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 0')""",
    """CREATE TRIGGER search_indexentry_ai AFTER INSERT ON search_indexentry BEGIN
        INSERT INTO search_indexentry_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
    """CREATE TRIGGER search_indexentry_ad AFTER DELETE ON search_indexentry BEGIN
        INSERT INTO search_indexentry_fts(search_indexentry_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
    END""",
    """CREATE TRIGGER search_indexentry_au AFTER UPDATE ON search_indexentry BEGIN
        INSERT INTO search_indexentry_fts(search_indexentry_fts, rowid, title_tokens, body_tokens)
        VALUES ('delete', old.id, old.title_tokens, old.body_tokens);
        INSERT INTO search_indexentry_fts(rowid, title_tokens, body_tokens)
        VALUES (new.id, new.title_tokens, new.body_tokens);
    END""",
]
SQLITE_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_au",
    "DROP TRIGGER IF EXISTS search_indexentry_ad",
    "DROP TRIGGER IF EXISTS search_indexentry_ai",
    "DROP TABLE IF EXISTS search_indexentry_fts",
]

POSTGRES_FORWARD = [
    "ALTER TABLE search_indexentry ADD COLUMN title_vector tsvector, ADD COLUMN body_vector tsvector",
    """CREATE FUNCTION search_indexentry_vectors() RETURNS trigger AS $$
    BEGIN
        NEW.title_vector := to_tsvector('simple', coalesce(NEW.title_tokens, ''));
        NEW.body_vector := to_tsvector('simple', coalesce(NEW.body_tokens, ''));
        RETURN NEW;
    END
    $$ LANGUAGE plpgsql""",
    """CREATE TRIGGER search_indexentry_vectors BEFORE INSERT OR UPDATE ON search_indexentry
        FOR EACH ROW EXECUTE FUNCTION search_indexentry_vectors()""",
    "CREATE INDEX search_indexentry_title_gin ON search_indexentry USING gin (title_vector)",
    "CREATE INDEX search_indexentry_body_gin ON search_indexentry USING gin (body_vector)",
]
POSTGRES_BACKWARD = [
    "DROP TRIGGER IF EXISTS search_indexentry_vectors ON search_indexentry",
    "DROP FUNCTION IF EXISTS search_indexentry_vectors()",
    "ALTER TABLE search_indexentry DROP COLUMN IF EXISTS title_vector, DROP COLUMN IF EXISTS body_vector",
]


def _run(statements_by_vendor):
    def run(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return run


class Migration(migrations.Migration):
    dependencies = [("search", "0001_chinese_index")]

    operations = [
        migrations.RunPython(
            _run({"sqlite": SQLITE_FORWARD, "postgresql": POSTGRES_FORWARD}),
            _run({"sqlite": SQLITE_BACKWARD, "postgresql": POSTGRES_BACKWARD}),
        )
    ]
