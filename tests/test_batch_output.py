"""The batch result file is built straight from the store's column values; every row must say
exactly what the one-message reads (message, incoming, verdict, drafts, edit, error) say."""

from __future__ import annotations

import pytest
from export_eras import ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026

from reply_assistant.batch.output import (
    NOT_JUDGED_NOTE,
    ResultRow,
    ResultTally,
    result_rows,
    write_results,
)
from reply_assistant.importer import import_export
from reply_assistant.linkedin_links import thread_url
from reply_assistant.message_budget import MESSAGE_CHAR_BUDGET, trim_notice
from reply_assistant.models import Action, Draft, Label, Provenance, Usage, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store

OFFLINE = Provenance(
    backend="offline", model="tfidf-logreg", prompt_version="offline@abc", latency_ms=0.096
)
LLM = Provenance(
    backend="openai",
    model="gpt-x",
    prompt_version="classify@v2",
    usage=Usage(prompt_tokens=812, completion_tokens=40, cached_prompt_tokens=512),
    cost_usd=0.000123,
    latency_ms=2.0,
)
UNPRICED = LLM.model_copy(
    update={"prompt_version": "draft@v1", "cost_usd": None, "latency_ms": 3.0}
)


def verdict(label: Label, made_by: Provenance, signals: list[str]) -> Verdict:
    return Verdict(
        label=label,
        confidence=0.8125,
        reason="Because — «quoted», with a comma.",
        signals=signals,
        action="decline" if label == Label.SPAM else "reply",
        provenance=made_by,
    )


def draft(text: str, made_by: Provenance) -> Draft:
    return Draft(text=text, language="en", provenance=made_by)


KINDS = 7


def seed(store: Store, message_id: str, kind: int) -> None:
    """One of the ways a message's results can stand when the file is written."""
    spam = verdict(Label.SPAM, OFFLINE, ["pitch", "calendar link"])
    if kind == 1:
        store.save_assessments([(message_id, spam, draft("No thanks.\nBest", OFFLINE), "")])
    elif kind == 2:  # an LLM verdict and an unpriced draft: the cost is unknown
        warm = verdict(Label.RELATIONSHIP, LLM, ["warm intro", "naïve"])
        store.save_assessments([(message_id, warm, draft('Hi "you"', UNPRICED), "")])
    elif kind == 3:  # relabelled, then edited
        store.save_assessments([(message_id, spam, draft("No.", LLM), "")])
        store.record_decision(message_id, "relabel", label="unclear")
        store.save_edit(message_id, "Could you say more?")
    elif kind == 4:
        store.save_error(message_id, "classify failed: timed out")
    elif kind == 5:  # judged, drafted twice, the last draft failed afterwards
        store.save_assessments([(message_id, spam, draft("First.", OFFLINE), "")])
        store.save_draft(message_id, draft("Second, newer.", LLM))
        store.save_error(message_id, "draft failed: refused")
    elif kind == 6:  # judged without a draft or signals
        store.save_assessments([(message_id, verdict(Label.UNCLEAR, LLM, []), None, "")])


def expected_row(store: Store, message_id: str) -> ResultRow:
    """The row as the one-message reads describe the message (the specification)."""
    message = store.message(message_id)
    sender = store.incoming(message_id).sender
    judged = store.verdict(message_id)
    drafts = store.drafts(message_id)
    newest = drafts[-1] if drafts else None
    edited = store.edited_text(message_id)
    parts = [made.provenance for made in (judged, newest) if made is not None]
    costs = [part.cost_usd for part in parts]
    trimmed = next(filter(None, (trim_notice(message.text, part.backend) for part in parts)), "")
    error = store.error(message_id)
    failed = f"Failed, rerun to retry: {error}" if error else ""
    unjudged = NOT_JUDGED_NOTE if not judged and not error else ""
    draft = edited if edited is not None else (newest.text if newest else "")
    no_reply_note = ""
    if judged and judged.action is Action.NO_REPLY and draft == (newest.text if newest else ""):
        no_reply_note, draft = draft, ""  # the note, not a reply the person wrote over it
    return ResultRow(
        conversation_id=message.conversation_id,
        message_id=message_id,
        sender=message.sender.name,
        sender_profile_url=message.sender.profile_url,
        first_degree=sender.first_degree,
        connected_on=sender.connected_on.isoformat() if sender.connected_on else "",
        date=message.sent_at.isoformat(),
        message_text=message.text,
        thread_link=thread_url(message.conversation_id),
        label=judged.label.value if judged else "",
        confidence=judged.confidence if judged else None,
        reason=judged.reason if judged else "",
        signals="; ".join(judged.signals) if judged else "",
        action=judged.action.value if judged else "",
        draft=draft,
        prompt_versions="+".join(dict.fromkeys(part.prompt_version for part in parts)),
        backend=parts[0].backend if parts else "",
        model=parts[0].model if parts else "",
        tokens=sum(part.usage.total_tokens for part in parts),
        cost_usd=None if not parts or None in costs else round(sum(costs), 6),
        latency_ms=round(sum(part.latency_ms for part in parts), 1) if parts else None,
        error=store.error(message_id) or "",
        notes=" ".join(filter(None, (no_reply_note, trimmed, failed, unjudged))),
    )


@pytest.mark.parametrize("era", [ERA_2021, ERA_2022, ERA_2023, ERA_2025, ERA_2026])
@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_result_file_matches_the_one_message_reads_byte_for_byte(tmp_path, era, suffix):
    with Store.open(tmp_path / "state.db") as store:
        with open_export(era) as export:
            import_export(store, export)
        long_one = store.add_manual_message("Verbose Vendor", "word " * MESSAGE_CHAR_BUDGET)
        for kind in range(KINDS):  # every kind, however few messages the export has
            store.add_manual_message(f"Typed In {kind}", f"Hello, message {kind}")
        ids = store.all_incoming_ids("all")
        assert long_one in ids
        for index, message_id in enumerate(ids):
            seed(store, message_id, 2 if message_id == long_one else index % KINDS)
        built, expected = tmp_path / f"built{suffix}", tmp_path / f"expected{suffix}"
        tally = ResultTally()
        rows = tally.counting(result_rows(store, ids))
        write_results(built, rows, details=True)
        write_results(expected, (expected_row(store, m) for m in ids), details=True)
    assert built.read_bytes() == expected.read_bytes()
    assert tally.rows == len(ids) and tally.trimmed == 1
    # Kind 0 (nothing yet) and kind 4 (failed before a verdict) have no label.
    assert set(tally.labels) == {"not judged yet", "failed", "spam", "relationship", "unclear"}


def test_an_unknown_message_id_is_a_key_error(tmp_path):
    with Store.open(tmp_path / "state.db") as store, pytest.raises(KeyError):
        list(result_rows(store, ["no-such-message"]))


def test_rows_come_in_the_order_asked_for(tmp_path):
    with Store.open(tmp_path / "state.db") as store:
        with open_export(ERA_2026) as export:
            import_export(store, export)
        ids = store.all_incoming_ids("all")[::-1]
        assert [row.message_id for row in result_rows(store, ids)] == ids


def _seeded_store(tmp_path) -> tuple[Store, list[str]]:
    """Every kind of result, with one sender's spam at both ends of the id list."""
    store = Store.open(tmp_path / "state.db")
    with open_export(ERA_2026) as export:
        import_export(store, export)
    store.add_manual_message("Verbose Vendor", "word " * MESSAGE_CHAR_BUDGET)
    pitcher_url = "https://www.linkedin.com/in/repeat-pitcher"
    pitches = [
        store.add_manual_message("Repeat Pitcher", f"Demo? {n}", pitcher_url) for n in range(4)
    ]
    ids = [m for m in store.all_incoming_ids("all") if m not in pitches]
    for index, message_id in enumerate(ids):
        seed(store, message_id, index % KINDS)
    for message_id in pitches:
        seed(store, message_id, 1)
    return store, pitches[:2] + ids + pitches[2:]


@pytest.mark.parametrize("suffix", [".csv", ".jsonl"])
def test_the_tally_counts_a_sender_pitching_at_both_ends_of_the_file(tmp_path, suffix):
    store, ids = _seeded_store(tmp_path)
    with store:
        tally = ResultTally()
        write_results(tmp_path / f"out{suffix}", tally.counting(result_rows(store, ids)))
    assert [sender.pitches for sender in tally.spam.senders() if sender.pitches == 4] == [4]


def test_a_failed_write_leaves_no_partial_file(tmp_path):
    out = tmp_path / "out.csv"

    def rows():
        yield from ()
        raise OSError("disk full")

    with pytest.raises(OSError, match="disk full"):
        write_results(out, rows())
    assert list(tmp_path.iterdir()) == []
