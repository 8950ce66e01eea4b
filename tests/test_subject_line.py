"""The SUBJECT line (InMails, event invitations, the older messages) is part of what a
person reads: it reaches the store, the offline model, the LLM's prompt, the UI, the
inbox list and search, and the batch file, and a message that is only a subject is judged
as text, not as a wordless one."""

from __future__ import annotations

import json
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest
from batch_exports import message, read_csv
from click.testing import CliRunner
from snapshot_apps.build import build_app, settle

from reply_assistant.backends.llm import LLMBackend
from reply_assistant.backends.offline.backend import LIKE_A_CORRECTION, OfflineBackend
from reply_assistant.backends.openai_client import ChatClient
from reply_assistant.cli import cli
from reply_assistant.cli.export_labels_cmd import dataset_line
from reply_assistant.config import Profile
from reply_assistant.evals.dataset import EvalExample
from reply_assistant.importer import import_export
from reply_assistant.models import (
    Incoming,
    Label,
    MessageKind,
    Participant,
    SenderFacts,
    with_subject,
    with_subject_line,
)
from reply_assistant.prompts import PromptSet, prompt_inputs
from reply_assistant.sources import open_export, write_messages_csv
from reply_assistant.store import Store
from reply_assistant.testing.fake_llm_server import FakeLLMServer

SUBJECT = "Proposal: SEO audit for acme.io"
BODY = "Hi Jordan, did you get a chance to look?"
SENDER = Participant("Dana Whitfield", "https://www.linkedin.com/in/dana-whitfield")
ONLY_SUBJECT_SENDER = Participant("Ravi Menon", "https://www.linkedin.com/in/ravi-menon")


@pytest.mark.parametrize(
    ("subject", "body", "read"),
    [
        (SUBJECT, BODY, f"{SUBJECT}. {BODY}"),
        ("Coffee next week?", "Free on Tuesday.", "Coffee next week? Free on Tuesday."),
        ("  Quick   question ", "", "Quick question"),
        ("", BODY, BODY),
        ("   ", BODY, BODY),
        # Typed again as the body's first line: read once.
        ("Hi Jordan", BODY, BODY),
        ("HI JORDAN", BODY, BODY),
    ],
)
def test_the_subject_is_read_as_the_opening_sentence(subject, body, read):
    assert with_subject(subject, body) == read


def test_a_reader_shown_fields_sees_a_subject_line_only_when_there_is_one():
    assert with_subject_line(SUBJECT, BODY) == f"Subject: {SUBJECT}\n\n{BODY}"
    assert with_subject_line(SUBJECT, "") == f"Subject: {SUBJECT}"
    assert with_subject_line("", BODY) == BODY
    assert with_subject_line("Hi Jordan", BODY) == BODY


def _export(folder):
    start = datetime(2026, 10, 1, 9, 0, tzinfo=UTC)

    def sent(conversation, sender, text, subject, minutes):
        when = start + timedelta(minutes=minutes)
        return replace(message(conversation, sender, text, when), subject=subject)

    folder.mkdir()
    messages = [
        sent("2-subject", SENDER, BODY, SUBJECT, 0),
        sent("2-only-subject", ONLY_SUBJECT_SENDER, "", "Coffee when you're in Lisbon?", 1),
        sent("2-merge", Participant("Pat Lowe", ""), "Quick one.", "%FIRSTNAME%, 10 minutes?", 2),
    ]
    write_messages_csv(folder / "messages.csv", messages, era="2025")
    return folder


@pytest.fixture
def store(tmp_path):
    with Store.open(tmp_path / "state.db") as opened, open_export(_export(tmp_path / "x")) as ex:
        import_export(opened, ex)
        yield opened


def _message_in(store: Store, conversation_id: str) -> str:
    ids = store.all_incoming_ids("all")
    return next(i for i in ids if store.incoming(i).conversation_id == conversation_id)


def test_the_store_hands_the_subject_to_what_judges(store):
    ids = store.all_incoming_ids("all")
    one_by_one = {store.incoming(i).conversation_id: store.incoming(i) for i in ids}
    in_bulk = {item.conversation_id: item for item in store.incomings(ids)}
    for items in (one_by_one, in_bulk):
        assert items["2-subject"].subject == SUBJECT and items["2-subject"].text == BODY
        assert items["2-subject"].read_text == f"{SUBJECT}. {BODY}"
        # A mail merge that filled neither field is found in the subject too.
        assert items["2-merge"].sender.placeholders == ("%FIRSTNAME%",)
        # Only a subject: a message with words, judged as text, not "no text in the export".
        assert items["2-only-subject"].kind == MessageKind.TEXT
        assert items["2-only-subject"].read_text == "Coffee when you're in Lisbon?"


def test_the_inbox_list_shows_and_searches_the_subject(store):
    previews = {s.sender.name: s.preview for s in store.conversation_summaries("all")}
    assert previews[SENDER.name].startswith(f"{SUBJECT}. Hi Jordan")
    assert previews[ONLY_SUBJECT_SENDER.name] == "Coffee when you're in Lisbon?"
    found = store.conversation_summaries("all", search="SEO audit")
    assert [s.sender.name for s in found] == [SENDER.name]


def test_the_offline_model_reads_the_subject():
    backend = OfflineBackend(Profile())
    sender = SenderFacts(name="Dana Whitfield")
    with_line = Incoming(text=BODY, sender=sender, subject=SUBJECT)
    as_one_text = Incoming(text=f"{SUBJECT}. {BODY}", sender=sender)
    body_only = Incoming(text=BODY, sender=sender)
    judged = backend.classify_many([with_line, as_one_text, body_only])
    assert judged[0].confidence == judged[1].confidence and judged[0].label == judged[1].label
    assert judged[0].confidence != judged[2].confidence  # the subject changed the reading


async def test_the_llm_prompt_carries_the_subject_line_and_masks_it(fake_llm: FakeLLMServer):
    item = Incoming(text=BODY, sender=SenderFacts(name="Dana"), subject="Write to dana@example.com")
    assert prompt_inputs(item, Profile())["message"] == (
        f"Subject: Write to dana@example.com\n\n{BODY}"
    )
    client = ChatClient(model="gpt-4.1-mini", base_url=fake_llm.base_url, api_key="k")
    prompts = PromptSet.from_versions({"classify": "v3", "draft": "v4"})
    backend = LLMBackend(client, prompts, Profile(), redact=True)
    try:
        await backend.classify(item)
    finally:
        await backend.aclose()
    sent = json.dumps([request.body for request in fake_llm.chat_requests()])
    assert "Subject: Write to [email]" in sent and "dana@example.com" not in sent


def test_the_batch_file_shows_the_subject_with_the_message(tmp_path):
    export, out = _export(tmp_path / "x"), tmp_path / "out.csv"
    result = CliRunner().invoke(
        cli, ["--db", str(tmp_path / "state.db"), "batch", str(export), "-o", str(out)]
    )
    assert result.exit_code == 0, result.output
    texts = {row["sender"]: row["message_text"] for row in read_csv(out)}
    assert texts[SENDER.name] == f"Subject: {SUBJECT}\n\n{BODY}"
    assert texts[ONLY_SUBJECT_SENDER.name] == "Subject: Coffee when you're in Lisbon?"


def test_classify_takes_a_subject_and_a_subject_alone(tmp_path):
    args = ["--db", str(tmp_path / "state.db"), "classify", "--json", "--subject"]
    result = CliRunner().invoke(cli, [*args, "Coffee when you're in Lisbon?", ""])
    assert result.exit_code == 0, result.output
    assert json.loads(result.output)["verdict"]["label"] in {"relationship", "unclear"}
    empty = CliRunner().invoke(cli, [*args, " ", ""])
    assert empty.exit_code == 2 and "the message is empty" in empty.output


async def test_the_conversation_pane_shows_the_subject(tmp_path):
    db = tmp_path / "state.db"
    with Store.open(db) as store, open_export(_export(tmp_path / "x")) as export:
        import_export(store, export)
    app, _ = build_app(db, seed=False, classify_on_start=False)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        row = next(r for r in app.inbox.rows_by_id.values() if r.conversation_id == "2-subject")
        app.inbox.move_cursor(row=app.inbox.get_row_index(row.message_id))
        await settle(pilot)
        thread = str(app.query_one("#thread").render())
    app.store.close()
    assert f"Subject: {SUBJECT}\n{BODY}" in thread


def test_a_relabelled_message_with_a_subject_is_recognised_when_judged_again(store):
    # The memory of corrections holds what was judged (subject and body), so the same
    # message matches itself; the body alone would sit apart from it.
    backend = OfflineBackend(Profile(), store=store.embeddings)
    subject_id = _message_in(store, "2-subject")
    assert backend.classify_many(store.incomings([subject_id]))[0].label is not Label.SPAM
    store.record_relabel(subject_id, "spam")
    again = backend.classify_many(store.incomings([subject_id]))[0]
    assert again.label is Label.SPAM and LIKE_A_CORRECTION in again.signals
    assert [c.text for c in store.correction_entries()] == [f"{SUBJECT}. {BODY}"]


def test_export_labels_keeps_the_subject_for_the_eval(store, tmp_path):
    subject_id = _message_in(store, "2-subject")
    store.record_relabel(subject_id, "spam")
    line = dataset_line(store, store.corrections()[0])
    assert (line["subject"], line["text"]) == (SUBJECT, BODY)
    assert EvalExample.model_validate(line).to_incoming().read_text == f"{SUBJECT}. {BODY}"
