"""The offline model learns from the person's corrections (issue 13, point 7): a relabel
decides the next verdict of a near-identical message, an undo takes that back, and an
unrelated message is judged as before."""

from __future__ import annotations

import asyncio
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reply_assistant.backends.offline.backend import LIKE_A_CORRECTION, OfflineBackend
from reply_assistant.cli import cli
from reply_assistant.config import Profile
from reply_assistant.engine import Engine
from reply_assistant.models import Label
from reply_assistant.store import Store

PITCH = (
    "Hi Jordan, I noticed Northwind is scaling its platform team. We help companies like "
    "yours cut cloud spend by 30% with automated rightsizing. Do you have 15 minutes next "
    "week for a quick demo?"
)
# The same campaign's message to someone else.
TWIN = PITCH.replace("Hi Jordan", "Hi Alex")
# Same opening, another ask: a minimal pair, not a twin.
SAME_OPENING = (
    "Hi Jordan, I noticed Northwind is scaling its platform team. Congrats! I'd love to "
    "hear how you structured the on-call rotation, I'm setting one up at my company."
)
BIRTHDAY = "Happy birthday Jordan! Hope you have a great day and a fantastic year ahead."


@pytest.fixture
def inbox(tmp_path: Path):
    """A state file with the four messages judged once, and an engine on it."""
    store = Store.open(tmp_path / "state.db")
    ids = {
        name: store.add_manual_message(sender, text)
        for name, sender, text in (
            ("pitch", "Colby Wexford", PITCH),
            ("twin", "Dana Wexford", TWIN),
            ("same_opening", "Maeve Okonjo", SAME_OPENING),
            ("birthday", "Amina Yusuf", BIRTHDAY),
        )
    }
    engine = Engine(store, OfflineBackend(Profile(name="Jordan Pike"), store=store.embeddings))
    asyncio.run(engine.run(list(ids.values()), with_drafts=False))
    yield store, engine, ids
    store.close()


def rejudge(engine: Engine, *message_ids: str) -> None:
    asyncio.run(engine.run(list(message_ids), with_drafts=False, again=True))


def test_a_relabel_decides_the_near_identical_message_and_undo_takes_it_back(inbox) -> None:
    store, engine, ids = inbox
    before = store.verdict(ids["twin"])
    assert before.label is Label.SPAM and store.verdict(ids["pitch"]).label is Label.SPAM

    store.record_relabel(ids["pitch"], "unclear")
    rejudge(engine, ids["twin"])

    after = store.verdict(ids["twin"])
    assert after.label is Label.UNCLEAR
    assert after.reason.startswith("Like a message you relabelled unclear: “Hi Jordan, I")
    assert LIKE_A_CORRECTION in after.signals
    assert PITCH not in after.reason  # only the opening is quoted
    assert 0.5 < after.confidence < 1.0

    store.undo_last_decision()
    rejudge(engine, ids["twin"])

    restored = store.verdict(ids["twin"])
    assert (restored.label, restored.reason) == (before.label, before.reason)
    assert restored.confidence == before.confidence


def test_unrelated_messages_and_minimal_pairs_are_judged_as_before(inbox) -> None:
    store, engine, ids = inbox
    others = (ids["birthday"], ids["same_opening"])
    before = {m: store.verdict(m) for m in others}

    store.record_relabel(ids["pitch"], "relationship")
    rejudge(engine, *others)

    for message_id in others:
        after = store.verdict(message_id)
        assert (after.label, after.confidence, after.reason) == (
            before[message_id].label,
            before[message_id].confidence,
            before[message_id].reason,
        )


def test_an_accepted_verdict_teaches_its_label_and_a_relabel_keeps_its_own(inbox) -> None:
    store, engine, ids = inbox
    store.record_decision(ids["pitch"], "accept")
    rejudge(engine, ids["twin"], ids["pitch"])

    twin = store.verdict(ids["twin"])
    assert twin.label is Label.SPAM
    assert twin.reason.startswith("Like a message you accepted as spam")

    store.record_relabel(ids["twin"], "relationship")  # the person disagrees for this one
    rejudge(engine, ids["twin"])
    assert store.verdict(ids["twin"]).label is Label.RELATIONSHIP


def test_corrections_lists_relabels_and_accepts_but_not_undone_ones(inbox) -> None:
    store, _, ids = inbox
    store.record_relabel(ids["pitch"], "unclear")
    store.record_decision(ids["birthday"], "accept")
    store.record_relabel(ids["same_opening"], "spam")
    store.undo_last_decision()

    entries = store.correction_entries()

    assert [(e.message_id, e.kind, e.model_label, e.label) for e in entries] == [
        (ids["pitch"], "relabel", "spam", "unclear"),
        (ids["birthday"], "accept", "relationship", "relationship"),
    ]
    assert entries[0].sender == "Colby Wexford" and entries[0].text == PITCH


def test_the_corrections_command_lists_them_and_says_when_there_are_none(inbox) -> None:
    store, _, ids = inbox
    runner = CliRunner()
    db = ["--db", str(store.path)]

    empty = runner.invoke(cli, [*db, "corrections"])
    assert empty.exit_code == 0 and empty.output.startswith("No corrections yet")
    assert runner.invoke(cli, [*db, "corrections", "--json"]).output.strip() == "[]"

    store.record_relabel(ids["pitch"], "unclear")
    listed = runner.invoke(cli, [*db, "corrections"])
    as_json = json.loads(runner.invoke(cli, [*db, "corrections", "--json"]).output)

    assert listed.exit_code == 0
    [line] = listed.output.splitlines()
    assert "Colby Wexford  spam → unclear  Hi Jordan, I noticed Northwind" in line
    assert PITCH not in line and line.endswith("…")
    assert as_json[0]["from"] == "spam" and as_json[0]["to"] == "unclear"
    assert as_json[0]["message_id"] == ids["pitch"] and len(as_json[0]["opening"]) == 60


def test_the_corrections_command_without_a_state_file_is_one_line(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "corrections"])
    assert result.exit_code == 2
    assert "No state database" in result.output and "Traceback" not in result.output


def test_a_sender_mark_and_an_accept_under_it_teach_nothing(inbox) -> None:
    store, engine, ids = inbox
    store.mark_sender(ids["pitch"], "friend")  # says who Colby is, not what pitches mean
    store.record_decision(ids["pitch"], "accept")
    rejudge(engine, ids["twin"])

    assert store.correction_entries() == []
    assert store.verdict(ids["twin"]).label is Label.SPAM


def test_a_relabel_outranks_the_unfilled_template_rule(tmp_path: Path) -> None:
    """A template field makes a message spam unless the person said otherwise: their
    relabel of it decides the same message sent again."""
    store = Store.open(tmp_path / "state.db")
    note = "Hi {first_name}, congratulations on the new role! Wishing you all the best with it."
    first = store.add_manual_message("Bram de Vries", note)
    again = store.add_manual_message("Bram de Vries", note.replace("new role", "new role!"))
    engine = Engine(store, OfflineBackend(Profile(name="Jordan Pike"), store=store.embeddings))
    asyncio.run(engine.run([first, again], with_drafts=False))
    assert store.verdict(again).label is Label.SPAM
    store.record_relabel(first, "relationship")
    rejudge(engine, again)
    assert store.verdict(again).label is Label.RELATIONSHIP
    store.close()
