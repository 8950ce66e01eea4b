"""A stranger's message (and a model's answer) cannot drive the terminal: control codes
are stored and shown without them (`printable`), in new imports and in old state files."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from batch_exports import OWNER, write_export

from reply_assistant.importer import import_export
from reply_assistant.models import Participant, VerdictOutput
from reply_assistant.printable import CONTROL_CODES, printable
from reply_assistant.sources import open_export
from reply_assistant.store import Store
from reply_assistant.store.schema import MIGRATIONS, migrate

CLEAR_SCREEN_AND_PAINT = "Hi Jordan\x1b[2J\x1b[5;5HFAKE\x1b]2;TITLE\x07\rsee you\x9b31m"
SHOWN = "Hi Jordan[2J[5;5HFAKE]2;TITLE\nsee you31m"


def test_control_codes_go_and_text_stays() -> None:
    kept = "Grüße 👩‍👩‍👧 山田\tمرحبا\nZ̷a̶\u200f"
    assert printable(kept) == kept
    assert printable(CLEAR_SCREEN_AND_PAINT) == SHOWN
    assert printable("a\r\nb\rc") == "a\nb\nc"
    assert not any(
        chr(code) in printable("".join(map(chr, CONTROL_CODES))) for code in CONTROL_CODES
    )


def test_an_imported_message_is_stored_printable_and_reimports_as_the_same(
    tmp_path: Path,
) -> None:
    sender = Participant("Eve\x1b[31m Red", "https://www.linkedin.com/in/eve")
    export = write_export(tmp_path / "export", [CLEAR_SCREEN_AND_PAINT], senders=[sender])
    store = Store.open(tmp_path / "state.db")
    import_export(store, open_export(export))
    [row] = store._db.execute(
        "SELECT sender_name, text, content_raw FROM messages WHERE text LIKE 'Hi Jordan%'"
    ).fetchall()
    assert (row["sender_name"], row["text"]) == ("Eve[31m Red", SHOWN)
    assert row["content_raw"] == CLEAR_SCREEN_AND_PAINT  # as exported
    assert import_export(store, open_export(export)).messages_new == 0
    store.close()


def test_an_old_state_file_is_cleaned_when_opened(tmp_path: Path) -> None:
    path = tmp_path / "state.db"
    db = sqlite3.connect(path, isolation_level=None)
    migrate(db, MIGRATIONS[:6])  # before the clean-up, the seventh
    db.execute(
        """INSERT INTO messages (id, conversation_id, sender_name, sent_at, content_raw, text,
               subject, imported_at)
           VALUES ('m1', 'c1', 'Eve\x1b[31m', '2026-11-20T09:00:00+00:00', ?, ?, ?, '')""",
        (CLEAR_SCREEN_AND_PAINT, CLEAR_SCREEN_AND_PAINT, "Re:\x1b[2J offer"),
    )
    db.execute("INSERT INTO owner (id, name) VALUES (1, ?)", (f"{OWNER.name}\x07",))
    db.close()

    store = Store.open(path)
    row = store._db.execute("SELECT sender_name, text, subject FROM messages").fetchone()
    assert tuple(row) == ("Eve[31m", SHOWN, "Re:[2J offer")
    assert store._db.execute("SELECT name FROM owner").fetchone()[0] == OWNER.name
    assert store._db.execute("SELECT content_raw FROM messages").fetchone()[0] == (
        CLEAR_SCREEN_AND_PAINT
    )
    store.close()


def test_a_models_reason_and_signals_are_printable() -> None:
    verdict = VerdictOutput.model_validate(
        {
            "label": "spam",
            "confidence": 0.9,
            "reason": "Pitch\x1b[2J.",
            "signals": ["pitch\x1b]52;c;aGk=\x07"],
            "action": "decline",
        }
    )
    assert verdict.reason == "Pitch[2J." and verdict.signals == ["pitch]52;c;aGk="]
