"""`export-labels` keeps what the classifier sees: read back by the eval dataset loader, each
example turns into the same text, thread and sender facts as the stored message."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner
from export_eras import ERA_2023

from reply_assistant.cli import cli
from reply_assistant.evals.dataset import load_dataset
from reply_assistant.importer import import_export
from reply_assistant.models import Action, Draft, Label, Provenance, Verdict
from reply_assistant.sources import open_export
from reply_assistant.store import Store

PROVENANCE = Provenance(backend="offline", model="m", prompt_version="p")


def verdict(label: Label, action: Action) -> Verdict:
    return Verdict(
        label=label,
        confidence=0.8,
        reason="test",
        signals=[],
        action=action,
        provenance=PROVENANCE,
    )


def seeded_store(db: Path) -> dict[str, str]:
    """The 2023 export with a labelled message of each kind; message ids by sender name."""
    with Store.open(db) as store:
        with open_export(ERA_2023) as export:
            import_export(store, export)
        ids = {s.sender.name: s.message_id for s in store.conversation_summaries("all")}
        # Rex pitches again: the follow-up's sender has one earlier pitch.
        rex = store.message(ids["Rex Dorn"]).sender
        ids["Rex again"] = store.add_manual_message(rex.name, "Still time to 10x!", rex.profile_url)
        store.save_verdict(ids["Rex Dorn"], verdict(Label.SPAM, Action.NO_REPLY))
        store.record_decision(ids["Rex Dorn"], "accept")
        store.save_verdict(ids["Rex again"], verdict(Label.SPAM, Action.DECLINE))
        store.record_decision(ids["Rex again"], "accept")
        # 1st-degree, with an earlier message in the thread, relabelled; its draft is Spanish.
        wren = ids["Wren Hale, PhD"]
        store.save_verdict(wren, verdict(Label.UNCLEAR, Action.ASK))
        store.save_draft(wren, Draft(text="¡Hola Wren!", language="es", provenance=PROVENANCE))
        store.record_decision(wren, "relabel", label="relationship")
        # Sponsored, with an unfilled placeholder.
        store.save_verdict(ids["Casey Morgan"], verdict(Label.SPAM, Action.NO_REPLY))
        store.record_decision(ids["Casey Morgan"], "accept")
        store.save_draft(ids["Casey Morgan"], Draft(text="", language="und", provenance=PROVENANCE))
    return ids


def test_exported_labels_read_back_with_the_stored_sender_facts(tmp_path: Path):
    db, out = tmp_path / "state.db", tmp_path / "labels.jsonl"
    ids = seeded_store(db)

    result = CliRunner().invoke(cli, ["--db", str(db), "export-labels", str(out)])

    assert result.exit_code == 0, result.output
    assert "Wrote 4 labels" in result.output
    dataset = load_dataset([out])
    examples = {example.id: example for example in dataset.examples}
    assert set(examples) == {ids[n] for n in ("Rex Dorn", "Rex again", "Wren Hale, PhD")} | {
        ids["Casey Morgan"]
    }
    with Store.open(db) as store:
        for message_id, example in examples.items():
            stored, back = store.incoming(message_id), example.to_incoming()
            assert back.text == stored.text
            assert back.sender == stored.sender
            assert [(t.sender_name, t.text, t.from_owner) for t in back.thread] == [
                (t.sender_name, t.text, t.from_owner) for t in stored.thread
            ]
    wren, casey = examples[ids["Wren Hale, PhD"]], examples[ids["Casey Morgan"]]
    assert wren.label == "relationship" and wren.language == "es" and wren.expect is None
    assert wren.to_incoming().sender.first_degree
    assert [turn.from_owner for turn in wren.to_incoming().thread] == [True]  # "me" wrote it
    assert casey.to_incoming().sender.sponsored and casey.language == ""  # "und" is not a fact
    assert casey.expect == "no_reply"
    assert examples[ids["Rex again"]].to_incoming().sender.earlier_pitches == 1
    assert examples[ids["Rex again"]].expect == "decline"


def test_no_corrections_writes_nothing_and_says_how_to_make_them(tmp_path: Path):
    db, out = tmp_path / "state.db", tmp_path / "labels.jsonl"
    with Store.open(db) as store:
        store.add_manual_message("Ana", "Lovely to meet you at the summit!")
    out.write_text("kept\n", encoding="utf-8")  # an earlier export stays as it was

    result = CliRunner().invoke(cli, ["--db", str(db), "export-labels", str(out)])

    assert result.exit_code == 0, result.output
    assert "No corrections yet" in result.output and "relabel" in result.output
    assert out.read_text(encoding="utf-8") == "kept\n"
