"""In the inbox, relabelling one pitch re-judges the same campaign's pitch to someone else
at once (the offline model follows the correction), and undo puts it back."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from snapshot_apps.build import settle
from snapshot_apps.seed import NOW, OWNER, fixed_now, seed_store

from reply_assistant.backends import make_backend
from reply_assistant.config import Settings
from reply_assistant.engine import Assistant
from reply_assistant.models import Message, Participant
from reply_assistant.store import Store
from reply_assistant.tui.app import ReplyAssistantApp

PITCH = (
    "Hi {name}, I noticed your company is scaling its platform team. We help companies "
    "like yours cut cloud spend by 30% with automated rightsizing. Do you have 15 minutes "
    "next week for a quick demo?"
)


def _app_with_a_campaign(db: Path) -> ReplyAssistantApp:
    """The seeded inbox plus one campaign's pitch in two conversations, newest first; the
    offline backend on the state file, as `reply-assistant` builds it."""
    seed_store(db)
    pitches = [
        Message(
            conversation_id=f"2-campaign-{n}",
            sender=Participant(sender, f"https://www.linkedin.com/in/campaign-{n}"),
            recipients=(OWNER,),
            sent_at=NOW - timedelta(minutes=5 + n),
            content_raw=PITCH.format(name=name),
            text=PITCH.format(name=name),
        )
        for n, (sender, name) in enumerate((("Colby Wexford", "Jordan"), ("Dana Reyes", "Jo")))
    ]
    store = Store.open(db)
    store.insert_messages(pitches)
    store.refresh_conversations([message.conversation_id for message in pitches])
    settings = Settings(backend="offline")
    backend = make_backend(settings, embeddings=store.embeddings)
    return ReplyAssistantApp(
        store,
        Assistant(backend),
        backend.describe(),
        settings=settings,
        clipboard=lambda text: None,
        open_url=lambda url: None,
        now=fixed_now,
    )


def _row_of(app: ReplyAssistantApp, conversation_id: str) -> str:
    return next(
        row.message_id
        for row in app.inbox.rows_by_id.values()
        if row.conversation_id == conversation_id
    )


async def test_a_relabel_rejudges_the_campaign_twin_and_undo_restores_it(tmp_path: Path) -> None:
    app = _app_with_a_campaign(tmp_path / "state.db")
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        first, twin = _row_of(app, "2-campaign-0"), _row_of(app, "2-campaign-1")
        assert app.store.verdict(twin).label.value == "spam"
        drafts_before = len(app.store.drafts(twin))
        # Derek's pitch is another product on the same cold template (cosine 0.952, under
        # the memory's threshold): it is left alone like the rest.
        near = (first, twin)
        untouched = {m: app.store.verdict(m) for m in app.inbox.rows_by_id if m not in near}

        app.inbox.move_cursor(row=app.inbox.get_row_index(first))
        await pilot.press("3")  # unclear
        await settle(pilot)

        verdict = app.store.verdict(twin)
        assert verdict.label.value == "unclear"
        assert verdict.reason.startswith("Like a message you relabelled unclear")
        assert app.inbox.rows_by_id[twin].label == "unclear"
        # Drafted again for its new label; the other conversations were left alone.
        assert len(app.store.drafts(twin)) == drafts_before + 1
        assert {m: app.store.verdict(m) for m in untouched} == untouched

        await pilot.press("u")
        await settle(pilot)

        assert app.store.verdict(twin).label.value == "spam"
        assert app.inbox.rows_by_id[twin].label == "spam"
    app.store.close()
