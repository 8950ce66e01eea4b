"""When the LLM counts as down, from a run's engine events: an endpoint that cannot heal at
once, and a model whose answers are mostly unusable even when a few get through."""

from __future__ import annotations

from reply_assistant.engine.events import Drafted, Failed, Judged
from reply_assistant.engine.health import LLMHealth
from reply_assistant.models import Draft, Label, Provenance, Verdict

MADE = Provenance(backend="openai", model="m", prompt_version="v")
VERDICT = Verdict(
    label=Label.SPAM, confidence=0.9, reason="A pitch.", action="decline", provenance=MADE
)


def health(successes: int, failures: int, kind: str = "invalid_output") -> LLMHealth:
    watching = LLMHealth()
    for n in range(successes):
        watching.watch(Judged(f"ok{n}", VERDICT))
    for n in range(failures):
        watching.watch(Failed(f"bad{n}", "classify failed: unusable", kind))
    return watching


def test_failures_outnumbering_successes_three_to_one_make_the_llm_down():
    assert health(0, 3).down() and health(1, 3).down() and health(2, 6).down()


def test_a_model_that_slips_now_and_then_is_not_down():
    assert not health(0, 2).down()
    assert not health(2, 5).down()  # fails more than half: still more help than none
    assert not health(10, 3).down()


def test_one_failure_that_cannot_heal_is_enough():
    assert health(5, 1, kind="connection").down()
    assert health(5, 1, kind="not_an_api").down()  # a web page, already asked twice
    assert not health(5, 1, kind="server").down()


def test_the_notice_names_a_wrong_base_url_and_a_failing_server_for_what_they_are():
    from reply_assistant.engine.health import what_happened

    assert what_happened("not_an_api", "m") == "no LLM API at the base URL (a web page answers)"
    assert what_happened("server", "m") == "LLM server failing"
    assert what_happened("invalid_output", "m") == "LLM answers unusable (m)"


def test_a_draft_the_offline_model_wrote_in_the_llms_place_counts_as_a_failure():
    watching = health(1, 2)
    stood_in = MADE.model_copy(
        update={"backend": "offline", "stood_in_for": "the LLM's draft repeated the message"}
    )
    watching.watch(Drafted("d", Draft(text="Hi", language="en", provenance=stood_in)))
    assert watching.down() and watching.last_kind == "invalid_output"
    assert "repeated the message" in watching.last_failure


def test_the_uis_health_since_the_last_success_is_not_reset_by_a_stand_in_draft():
    from types import SimpleNamespace

    from reply_assistant.tui.stand_in import StandsInForTheLLM

    app = SimpleNamespace(llm_since_success=health(0, 2))
    stood_in = MADE.model_copy(update={"stood_in_for": "LLM draft never parsed"})
    draft = Draft(text="Hi", language="en", provenance=stood_in)
    StandsInForTheLLM._since_success(app, Drafted("d", draft))  # type: ignore[arg-type]
    assert app.llm_since_success.down()  # the third failure, not a fresh start
    StandsInForTheLLM._since_success(app, Judged("ok", VERDICT))  # type: ignore[arg-type]
    assert not app.llm_since_success.down()
