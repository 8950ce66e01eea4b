"""'Who is behind the spam' names only identified people who pitched (issue 14)."""

from __future__ import annotations

from reply_assistant.batch.output import ResultRow
from reply_assistant.batch.spam_senders import SpamTally, worth_mentioning


def spam_row(sender: str, url: str, signals: str, *, first_degree: bool = False) -> ResultRow:
    return ResultRow(
        sender=sender,
        date="2025-08-01T09:00:00+00:00",
        label="spam",
        action="decline",
        draft="No, thanks.",
        message_text="…",
        thread_link="",
        notes="",
        reason="",
        sender_profile_url=url,
        first_degree=first_degree,
        connected_on="2019-03-07" if first_degree else "",
        confidence=0.9,
        signals=signals,
        conversation_id="c",
        message_id="m",
        prompt_versions="",
        backend="offline",
        model="m",
        tokens=0,
        cost_usd=0.0,
        latency_ms=0.0,
        error="",
    )


def named(*rows: ResultRow) -> list[str]:
    tally = SpamTally()
    for row in rows:
        tally.add(row)
    return [sender.name for sender in worth_mentioning(tally.senders())]


def test_hidden_nameless_and_sponsored_senders_are_never_named():
    assert (
        named(
            *[spam_row("LinkedIn Member", "", "pitch") for _ in range(5)],
            *[spam_row("", "https://www.linkedin.com/in/x", "pitch") for _ in range(3)],
            *[spam_row("LinkedIn Premium", "", "sponsored") for _ in range(3)],
        )
        == []
    )


def test_a_repeat_stranger_is_named_and_a_one_off_is_not():
    repeat = "https://www.linkedin.com/in/kurt-vance"
    once = "https://www.linkedin.com/in/lola-pike"
    rows = [spam_row("Kurt Vance", repeat, "pitch")] * 2 + [spam_row("Lola Pike", once, "pitch")]
    assert named(*rows) == ["Kurt Vance"]


def test_a_connection_is_named_only_for_a_pitch():
    greeter = spam_row(
        "Tariq Nasser", "https://www.linkedin.com/in/tn", "1st-degree", first_degree=True
    )
    nagger = spam_row(
        "Uma Perez",
        "https://www.linkedin.com/in/up",
        "follow-up nag; 1st-degree",
        first_degree=True,
    )
    elsewhere = spam_row(
        "Ola Berg",
        "https://www.linkedin.com/in/ob",
        "earlier pitches; 1st-degree",
        first_degree=True,
    )
    assert named(greeter, nagger, elsewhere) == ["Uma Perez"]
