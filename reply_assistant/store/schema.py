"""Opening the SQLite file and bringing its schema up to date.

The schema is versioned with `PRAGMA user_version`: MIGRATIONS[n] takes a database at
version n to version n + 1. Append new migrations; never edit one that has shipped.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from pathlib import Path

from reply_assistant.printable import printable
from reply_assistant.private_files import create_private_dir, create_private_file
from reply_assistant.store.draft_outcomes import DRAFT_OUTCOMES_TABLE
from reply_assistant.store.embeddings import EMBEDDINGS_TABLE
from reply_assistant.store.eval_runs import EVAL_RUNS_TABLE
from reply_assistant.store.search_key import search_key
from reply_assistant.store.sender_marks import SENDER_MARKS_TABLE

BUSY_TIMEOUT_MS = 10_000

_V1 = """
CREATE TABLE messages (
    id TEXT PRIMARY KEY,
    conversation_id TEXT NOT NULL,
    sender_name TEXT NOT NULL,
    sender_url TEXT NOT NULL DEFAULT '',
    sender_key TEXT NOT NULL DEFAULT '',  -- normalised sender_url, for matching
    recipients TEXT NOT NULL DEFAULT '[]',  -- JSON [[name, profile_url], ...]
    sent_at TEXT NOT NULL,  -- ISO 8601 UTC
    content_raw TEXT NOT NULL,
    text TEXT NOT NULL,
    title TEXT NOT NULL DEFAULT '',
    subject TEXT NOT NULL DEFAULT '',
    folder TEXT NOT NULL DEFAULT '',
    attachments TEXT NOT NULL DEFAULT '[]',
    sponsored INTEGER NOT NULL DEFAULT 0,
    placeholders TEXT NOT NULL DEFAULT '[]',
    source TEXT NOT NULL DEFAULT 'export',  -- 'export' | 'manual'
    source_line INTEGER NOT NULL DEFAULT 0,
    imported_at TEXT NOT NULL
);
CREATE INDEX messages_by_conversation ON messages (conversation_id, sent_at);
CREATE INDEX messages_by_sender_key ON messages (sender_key);

CREATE TABLE conversations (
    id TEXT PRIMARY KEY,
    title TEXT NOT NULL DEFAULT '',
    last_message_id TEXT NOT NULL,
    last_message_at TEXT NOT NULL,
    awaiting_reply INTEGER NOT NULL,
    sponsored INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX conversations_awaiting ON conversations (awaiting_reply, last_message_at);

CREATE TABLE connections (
    key TEXT PRIMARY KEY,  -- url_key, or 'name:' + name_key when the URL is hidden
    profile_url TEXT NOT NULL DEFAULT '',
    url_key TEXT NOT NULL DEFAULT '',
    name TEXT NOT NULL,
    name_key TEXT NOT NULL,
    company TEXT NOT NULL DEFAULT '',
    position TEXT NOT NULL DEFAULT '',
    connected_on TEXT  -- ISO date or NULL
);
CREATE INDEX connections_by_url ON connections (url_key);
CREATE INDEX connections_by_name ON connections (name_key);

CREATE TABLE owner (
    id INTEGER PRIMARY KEY CHECK (id = 1),
    name TEXT NOT NULL,
    profile_url TEXT NOT NULL DEFAULT ''
);

CREATE TABLE decisions (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL REFERENCES messages (id),
    kind TEXT NOT NULL,  -- accept | copy | skip | relabel | reopen
    label TEXT,
    note TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    undone INTEGER NOT NULL DEFAULT 0
);
CREATE INDEX decisions_by_message ON decisions (message_id, id);

CREATE TABLE verdicts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL REFERENCES messages (id),
    label TEXT NOT NULL,
    confidence REAL NOT NULL,
    reason TEXT NOT NULL,
    signals TEXT NOT NULL DEFAULT '[]',
    action TEXT NOT NULL,
    provenance TEXT NOT NULL,
    created_at TEXT NOT NULL,
    source TEXT NOT NULL DEFAULT 'assistant',  -- 'assistant' | 'user'
    -- the relabel decision a user verdict came from; deleted with it on undo
    decision_id INTEGER REFERENCES decisions (id) ON DELETE CASCADE
);
CREATE INDEX verdicts_by_message ON verdicts (message_id, id);

CREATE TABLE drafts (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    message_id TEXT NOT NULL REFERENCES messages (id),
    text TEXT NOT NULL,
    language TEXT NOT NULL,
    provenance TEXT NOT NULL,
    created_at TEXT NOT NULL
);
CREATE INDEX drafts_by_message ON drafts (message_id, id);

CREATE TABLE edits (
    message_id TEXT PRIMARY KEY REFERENCES messages (id),
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
);

CREATE TABLE errors (
    message_id TEXT PRIMARY KEY REFERENCES messages (id),
    error TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE llm_cache (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL,
    created_at TEXT NOT NULL
);

CREATE TABLE batch_jobs (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    kind TEXT NOT NULL,
    state TEXT NOT NULL DEFAULT '{}',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
"""

# What each message row is (models.MessageKind): LinkedIn's own events and messages without
# text are never judged, and events never make a conversation await a reply. Rows stored
# before this are classified from what they hold, as the reader now does.
_V2 = """
ALTER TABLE messages ADD COLUMN kind TEXT NOT NULL DEFAULT 'text';
UPDATE messages SET kind = CASE
    WHEN sender_name = '' AND sender_url = '' THEN 'event'
    WHEN trim(text, ' ' || char(9, 10, 13)) != '' THEN 'text'
    WHEN attachments != '[]' THEN 'attachment'
    ELSE 'empty'
END;
"""

# Text imported or answered before it was stored `printable` (2026-12-07): a stranger's
# terminal control codes reached the screen. `migrate` registers the SQL function.
_V7 = """
UPDATE messages SET
    sender_name = printable(sender_name), text = printable(text),
    title = printable(title), subject = printable(subject)
WHERE sender_name != printable(sender_name) OR text != printable(text)
    OR title != printable(title) OR subject != printable(subject);
UPDATE conversations SET title = printable(title) WHERE title != printable(title);
UPDATE connections SET
    name = printable(name), company = printable(company), position = printable(position)
WHERE name != printable(name) OR company != printable(company)
    OR position != printable(position);
UPDATE owner SET name = printable(name) WHERE name != printable(name);
UPDATE verdicts SET reason = printable(reason) WHERE reason != printable(reason);
UPDATE drafts SET text = printable(text) WHERE text != printable(text);
"""

# Inbox search compares the search keys (store/search_key.py) of a conversation's title and
# of its newest message's sender, text and subject. Folded in the query, at every key typed,
# they cost 0.1-0.3 s a key on 20,000 conversations, twice that at the first
# (benchmarks/bench_search.py); stored, a search is plain instr. Written with the row
# (WritesMixin.refresh_conversations), each in its own column so a search never matches
# across two texts. A migration that changes these texts must refresh their keys.
_V8 = """
ALTER TABLE conversations ADD COLUMN search_title TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN search_sender TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN search_text TEXT NOT NULL DEFAULT '';
ALTER TABLE conversations ADD COLUMN search_subject TEXT NOT NULL DEFAULT '';
UPDATE conversations SET search_title = search_key(title);
UPDATE conversations SET (search_sender, search_text, search_subject) = (
    SELECT search_key(m.sender_name), search_key(m.text), search_key(m.subject)
    FROM messages m WHERE m.id = conversations.last_message_id
) WHERE last_message_id IN (SELECT id FROM messages);
"""

# MIGRATIONS[n] takes the schema from version n to n + 1.
MIGRATIONS: Sequence[str] = (
    _V1,
    _V2,
    EMBEDDINGS_TABLE,
    SENDER_MARKS_TABLE,
    EVAL_RUNS_TABLE,
    DRAFT_OUTCOMES_TABLE,
    _V7,
    _V8,
)


# What SQLite says about a file that is not a database, or not one it can read.
NOT_A_DATABASE = frozenset({"SQLITE_NOTADB", "SQLITE_CORRUPT"})


class StoreError(Exception):
    """The state file cannot be used (written by a newer version, not a database, ...)."""


def connect(path: Path) -> sqlite3.Connection:
    """A connection in autocommit mode (transactions are explicit), WAL, foreign keys on.
    Another program's database is refused before anything here writes to it."""
    existed = path.exists()
    try:
        create_private_dir(path.parent)
        if not existed:
            create_private_file(path)
    except OSError as exc:
        raise StoreError(f"Cannot write the state file {path}: {exc.strerror}.") from exc
    db = sqlite3.connect(
        path, timeout=BUSY_TIMEOUT_MS / 1000, isolation_level=None, check_same_thread=False
    )
    db.row_factory = sqlite3.Row
    try:
        _refuse_another_programs(db, path)
        if existed:
            create_private_file(path)  # narrowed to 0600; fails when it cannot be written
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA journal_mode = WAL")
        db.execute("PRAGMA foreign_keys = ON")
        db.execute("PRAGMA synchronous = NORMAL")  # safe with WAL; fsync at checkpoints
        db.execute("PRAGMA cache_size = -16000")  # 16 MB: an import's index pages stay cached
        db.execute("PRAGMA temp_store = MEMORY")  # the conversation refresh sorts in memory
        migrate(db)
    except StoreError:
        db.close()
        raise
    except OSError as exc:
        db.close()
        raise StoreError(f"Cannot write the state file {path}: {exc.strerror}.") from exc
    except sqlite3.DatabaseError as exc:
        db.close()
        if exc.sqlite_errorname in NOT_A_DATABASE:
            raise StoreError(f"{path} is not a Reply Assistant state file: {exc}.") from exc
        # It cannot be opened or written (a read-only file, a folder where SQLite cannot
        # make its journal), or another process keeps it locked.
        raise StoreError(f"Cannot use the state file {path}: {exc}.") from exc
    return db


def _refuse_another_programs(db: sqlite3.Connection, path: Path) -> None:
    """Raise StoreError unless the file is ours: new (no schema at all) or versioned by
    our migrations. Only reads, in one statement, so a migration another process commits
    meanwhile is seen whole or not at all."""
    schema_objects, version = db.execute(
        "SELECT (SELECT count(*) FROM sqlite_master), user_version FROM pragma_user_version"
    ).fetchone()
    if schema_objects and version == 0:
        raise StoreError(
            f"{path} is not a Reply Assistant state file: it is another program's SQLite "
            "database; choose another --db."
        )


def schema_version(db: sqlite3.Connection) -> int:
    return db.execute("PRAGMA user_version").fetchone()[0]


def migrate(db: sqlite3.Connection, migrations: Sequence[str] = MIGRATIONS) -> int:
    """Apply the migrations the file has not seen, each in its own transaction.

    The version is re-read under the write lock, so two processes opening a new file at
    once (the UI and a batch) do not both apply a migration.
    """
    db.create_function("printable", 1, printable, deterministic=True)  # for _V7
    db.create_function("search_key", 1, search_key, deterministic=True)  # for _V8
    while True:
        db.execute("BEGIN IMMEDIATE")
        try:
            version = schema_version(db)
            if version > len(migrations):
                raise StoreError(
                    f"the state file has schema version {version}, newer than this program "
                    f"understands ({len(migrations)}); upgrade reply-assistant."
                )
            if version == len(migrations):
                db.execute("COMMIT")
                return version
            # executescript would commit first; run the statements inside our transaction.
            for statement in _statements(migrations[version]):
                db.execute(statement)
            db.execute(f"PRAGMA user_version = {version + 1}")
            db.execute("COMMIT")
        except BaseException:
            db.execute("ROLLBACK")
            raise


def _statements(script: str) -> list[str]:
    """Split a migration script into complete statements (sqlite3.complete_statement)."""
    statements: list[str] = []
    pending = ""
    for line in script.splitlines(keepends=True):
        pending += line
        if sqlite3.complete_statement(pending):
            statements.append(pending.strip())
            pending = ""
    if pending.strip():
        statements.append(pending.strip())
    return statements
