"""When the LLM cannot be reached the inbox still fills: the offline model judges
meanwhile, the header and status bar say so once, `r` or a backend switch tries again, and
the progress never counts a failure as classified."""

from __future__ import annotations

from pathlib import Path

from snapshot_apps.build import build_app, settle
from test_tui_llm import llm_settings
from test_unreachable_endpoint import closed_port

from reply_assistant.config import Settings
from reply_assistant.models import Label
from reply_assistant.testing.fake_llm_server import (
    CHAT_PATH,
    FakeLLMServer,
    Reply,
    default_responder,
    error_reply,
    requested_kind,
)
from reply_assistant.tui import commands, llm_outage

# What the status bar says while the offline model stands in for an LLM not listening.
NOTICE = llm_outage.notice("connection", "m")


def backends_of(app) -> set[str]:
    return {app.store.verdict(row).provenance.backend for row in app.inbox.rows_by_id}


def unreachable_llm(tmp_path: Path):
    base_url = f"http://127.0.0.1:{closed_port()}/v1"
    settings = Settings(backend="openai", base_url=base_url, model="m", concurrency=1)
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    return app


async def test_a_closed_port_shows_offline_verdicts_and_says_so_once(tmp_path: Path) -> None:
    base_url = f"http://127.0.0.1:{closed_port()}/v1"
    settings = Settings(backend="openai", base_url=base_url, model="m", concurrency=1)
    app, _ = build_app(tmp_path / "state.db", settings=settings)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert backends_of(app) == {"offline"}
        assert all(app.store.drafts(row) for row in app.inbox.rows_by_id)
        status = str(app.status_bar.render())
        assert status.count(NOTICE) == 1 and "● offline" in status
        assert app.sub_title == "offline (LLM unreachable)"
        [toast] = [n.message for n in app._notifications if n.severity == "error"]
        assert f"nothing is listening at {base_url}" in toast
    app.store.close()


async def test_switching_the_backend_rejudges_the_rows_the_offline_model_stood_in_for(
    tmp_path: Path,
) -> None:
    with FakeLLMServer(require_key="the-right-key") as fake:
        settings = llm_settings(fake, "a-wrong-key", concurrency=1)
        app, _ = build_app(tmp_path / "state.db", settings=settings)
        async with app.run_test(size=(120, 30)) as pilot:
            await settle(pilot)
            assert backends_of(app) == {"offline"}
            status = str(app.status_bar.render())
            assert llm_outage.notice("auth", "fake-model") in status
            assert app.sub_title == "offline (LLM refused the API key)"
            fake.require_key = None  # stands in for a key fixed meanwhile
            commands.switch_backend(app, backend="openai")
            await settle(pilot)
            assert backends_of(app) == {"openai"}
            assert NOTICE not in str(app.status_bar.render())
        app.store.close()


async def test_a_failure_among_answers_is_counted_as_failed_not_classified(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.script(["500"])  # max_attempts=1: one classification fails, four succeed
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        status = str(app.status_bar.render())
        assert "classified 4 of 5, 1 failed" in status
        assert NOTICE not in status  # one failure among answers is not an endpoint down
    app.store.close()


async def test_a_relabel_while_the_llm_is_unreachable_is_drafted_offline(tmp_path: Path) -> None:
    app = unreachable_llm(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        warm = Label.RELATIONSHIP
        row = next(m for m in app.inbox.rows_by_id if app.store.verdict(m).label is warm)
        app.inbox.move_cursor(row=app.inbox.get_row_index(row))
        before = app.store.drafts(row)
        await pilot.press("3")  # unclear: a clarifying question, not the warm reply
        await settle(pilot)
        drafts = app.store.drafts(row)
        assert app.store.verdict(row).label is Label.UNCLEAR
        assert len(drafts) == len(before) + 1 and drafts[-1].provenance.backend == "offline"
        assert drafts[-1].text != before[-1].text and "?" in drafts[-1].text
        assert not [n for n in app._notifications if "draft failed" in n.message]
        status = str(app.status_bar.render())
        assert status.count(NOTICE) == 1 and "cost unknown" not in status
    app.store.close()


async def test_a_retry_that_fails_again_keeps_the_offline_verdicts_and_a_finished_count(
    tmp_path: Path,
) -> None:
    app = unreachable_llm(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        rows = list(app.inbox.rows_by_id)
        await pilot.press("j", "r")  # the LLM again: still nothing listening
        await settle(pilot)
        assert backends_of(app) == {"offline"}
        # The pane shows the offline verdict the row lists, not the failed call's error.
        assert [m for m in rows if app.store.error(m)] == []
        status = str(app.status_bar.render())
        assert f"classified {len(rows)} of {len(rows)}" in status and "failed" not in status
        assert status.count(NOTICE) == 1 and app.sub_title == "offline (LLM unreachable)"
    app.store.close()


async def test_a_message_added_while_the_llm_is_unreachable_is_judged_offline(
    tmp_path: Path,
) -> None:
    app = unreachable_llm(tmp_path)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        errors_before = [n for n in app._notifications if n.severity == "error"]
        added = app.store.add_manual_message("Ana Ruiz", "Congrats on the new role, Jordan!")
        app.reload_inbox()
        app.assess_one(added)  # what `n` does once the dialog closes
        await settle(pilot)
        assert app.store.verdict(added).provenance.backend == "offline"
        assert app.store.drafts(added) and app.store.error(added) is None
        assert [n for n in app._notifications if n.severity == "error"] == errors_before
        assert added in app.offline_meanwhile  # so `r` on it asks the LLM again
    app.store.close()


def prose(_request) -> str:
    return "Sure! This message looks like a friendly note from a colleague."


def web_page(_server, _body) -> Reply:
    return Reply(body=b"<html><body>Welcome</body></html>", content_type="text/html")


async def test_a_model_that_only_answers_prose_is_unusable_not_unreachable(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.responder = prose  # a tiny model that never writes the JSON asked for
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert backends_of(app) == {"offline"}
        status = str(app.status_bar.render())
        assert llm_outage.notice("invalid_output", "fake-model") in status
        assert "LLM answers unusable (fake-model)" in status and "unreachable" not in status
        assert app.sub_title == "offline (LLM answers unusable)"
    app.store.close()


async def test_a_web_page_for_every_answer_is_a_wrong_base_url_not_a_bad_model(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.routes[("POST", CHAT_PATH)] = web_page  # a base URL that is some web site
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert backends_of(app) == {"offline"}
        status = str(app.status_bar.render())
        assert "no LLM API at the base URL (a web page answers)" in status
        assert "unusable" not in status and "unreachable" not in status
        # One page is enough to tell: the other rows were never sent.
        assert len(fake_llm.chat_requests()) == 1  # llm_settings: one attempt a call
    app.store.close()


async def test_one_answer_that_does_not_parse_among_good_ones_keeps_the_llm(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    fake_llm.script(["invalid", "invalid"])  # the first verdict and its repair request
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        status = str(app.status_bar.render())
        assert "classified 4 of 5, 1 failed" in status and "offline" not in status
        verdicts = [app.store.verdict(row) for row in app.inbox.rows_by_id]
        assert {v.provenance.backend for v in verdicts if v} == {"openai"}
    app.store.close()


async def test_an_llm_that_dies_mid_session_fails_over_and_can_be_retried(
    tmp_path: Path,
) -> None:
    fake = FakeLLMServer().start()
    port = fake.port
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        rows = list(app.inbox.rows_by_id)
        assert backends_of(app) == {"openai"}
        fake.stop()  # the server is killed after its verdicts were had
        await pilot.press("r")  # a redraft: the LLM's refused, the offline model's instead
        await settle(pilot)
        redrafted = app.current_id
        assert app.store.drafts(redrafted)[-1].provenance.backend == "offline"
        status = str(app.status_bar.render())
        assert status.count(NOTICE) == 1 and app.sub_title == "offline (LLM unreachable)"
        await pilot.press("j", "3")  # a relabel meanwhile is drafted offline at once
        await settle(pilot)
        relabelled = app.current_id
        assert app.store.drafts(relabelled)[-1].provenance.backend == "offline"
        added = app.store.add_manual_message("Ana Ruiz", "Congrats on the new role, Jordan!")
        app.reload_inbox()
        app.assess_one(added)  # what `n` does once the dialog closes
        await settle(pilot)
        assert app.store.verdict(added).provenance.backend == "offline"
        assert [m for m in [*rows, added] if app.store.error(m)] == []
        with FakeLLMServer(port=port) as revived:
            app.inbox.move_cursor(row=app.inbox.get_row_index(redrafted))
            await pilot.press("r")  # the notice's key: the LLM again
            await settle(pilot)
            assert revived.chat_requests()
            assert app.store.drafts(redrafted)[-1].provenance.backend == "openai"
            assert NOTICE not in str(app.status_bar.render())
    app.store.close()


async def test_a_model_whose_answers_are_mostly_unusable_falls_back_though_one_got_through(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    got_through: list[str] = []

    def mostly_prose(request) -> str:
        if not got_through and requested_kind(request) == "verdict":
            got_through.append("verdict")
            return default_responder(request)
        return prose(request)

    fake_llm.responder = mostly_prose
    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        assert backends_of(app) == {"openai", "offline"}  # the one that got through is kept
        status = str(app.status_bar.render())
        assert "LLM answers unusable (fake-model)" in status
    app.store.close()


async def test_an_llm_verdict_whose_draft_failed_as_the_llm_went_down_is_kept_and_drafted_offline(
    tmp_path: Path, fake_llm: FakeLLMServer
) -> None:
    answer = fake_llm.routes[("POST", CHAT_PATH)]

    def drafts_refused(server: FakeLLMServer, body) -> Reply:
        if requested_kind(body) == "draft":  # the key stops working after the verdict
            return error_reply(401, "Incorrect API key provided.")
        return answer(server, body)

    app, _ = build_app(tmp_path / "state.db", settings=llm_settings(fake_llm, concurrency=1))
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        fake_llm.routes[("POST", CHAT_PATH)] = drafts_refused
        added = app.store.add_manual_message("Ana Ruiz", "Congrats on the new role, Jordan!")
        app.reload_inbox()
        app.assess_one(added)
        await settle(pilot)
        assert app.store.verdict(added).provenance.backend == "openai"
        assert app.store.drafts(added)[-1].provenance.backend == "offline"
        assert "LLM refused the API key" in str(app.status_bar.render())
    app.store.close()
