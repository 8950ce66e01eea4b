"""How the offline model reads a message (features.py) and its thread (conversation.py):
the ask at the end is read apart from a warm opener, at the cost of one embedding, and the
thread only tips what the text leaves open."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import pytest

from reply_assistant.backends.offline.conversation import (
    CONVERSATION_ODDS,
    NUDGE_ODDS,
    OPENED_ODDS,
    spam_odds,
    weigh_threads,
)
from reply_assistant.backends.offline.features import TAIL_SCALE, head_and_tail, message_features
from reply_assistant.models import ThreadTurn

BRYNN = (
    "Jordan! How was the trip to Portugal? The photos looked unreal. Anyway, totally "
    "unrelated, we're helping platform orgs standardise their Helm charts with an AI linter "
    "and I'd love 15 minutes to show you. Thursday?"
)
PITCH = ThreadTurn(
    "Tamsin", "We automate access reviews for SOC 2. Could we find 15 minutes to talk?", False
)
NUDGE = ThreadTurn("Tamsin", "Hi Jordan - just floating this back to the top of your inbox.", False)
OWNER = ThreadTurn("Jordan", "Thanks Grace, could you send me a quote for the audit?", True)
FRIENDLY = ThreadTurn("Grace", "Lovely to meet you at the meetup!", False)


class FakeEncoder:
    """Deterministic unit vectors per text, counting what it was asked to embed."""

    def __init__(self) -> None:
        self.calls: list[list[str]] = []

    def embed(self, texts: Sequence[str]) -> np.ndarray:
        self.calls.append(list(texts))
        rows = []
        for text in texts:
            vector = np.random.default_rng(zlib.crc32(text.encode())).normal(size=8)
            rows.append(vector / np.linalg.norm(vector))
        return np.array(rows, dtype=np.float32).reshape(len(texts), 8)


def test_the_tail_holds_the_closing_sentences_with_half_the_characters() -> None:
    pieces = head_and_tail(BRYNN)
    assert pieces is not None
    head, tail = pieces
    assert head == "Jordan! How was the trip to Portugal? The photos looked unreal."
    assert tail.startswith("Anyway, totally unrelated") and tail.endswith("Thursday?")
    assert len(tail) >= len(head)


@pytest.mark.parametrize("text", ["Happy birthday Jordan!", "3:30 works", "", "ok!!  "])
def test_a_message_of_one_sentence_has_no_tail(text: str) -> None:
    assert head_and_tail(text) is None


def test_one_sentence_is_read_as_the_message_alone() -> None:
    encoder = FakeEncoder()
    messages, features = message_features(encoder, ["Happy birthday Jordan!"])
    alone = encoder.embed(["Happy birthday Jordan!"])[0]
    np.testing.assert_allclose(messages[0], alone, rtol=1e-6)
    np.testing.assert_allclose(features[0, :8], alone, rtol=1e-6)
    assert not features[0, 8:].any()  # no tail: the difference block is zero


def test_a_longer_message_costs_one_call_and_mixes_head_and_tail_by_length() -> None:
    encoder = FakeEncoder()
    messages, features = message_features(encoder, [BRYNN, "Hi"])
    head, tail = head_and_tail(BRYNN) or ("", "")
    assert encoder.calls == [[head, tail, "Hi"]]
    h, t = encoder.embed([head, tail])
    mixed = len(head) * h + len(tail) * t
    # float32 vectors: a component near zero needs an absolute tolerance, not a relative one.
    np.testing.assert_allclose(messages[0], mixed / np.linalg.norm(mixed), atol=1e-6)
    np.testing.assert_allclose(features[0, 8:], TAIL_SCALE * (t - messages[0]), atol=1e-6)
    assert features.shape == (2, 16)


def test_a_nudge_after_an_unanswered_pitch_raises_the_odds_of_spam() -> None:
    assert spam_odds((PITCH,)) == NUDGE_ODDS
    assert spam_odds((PITCH, NUDGE)) == NUDGE_ODDS
    # The owner's answer to a pitch makes no conversation of it: the text decides.
    assert spam_odds((PITCH, OWNER)) == 1.0


def test_a_thread_the_owner_wrote_in_lowers_the_odds_of_spam() -> None:
    assert spam_odds((FRIENDLY, OWNER)) == CONVERSATION_ODDS


def test_a_thread_the_owner_opened_lowers_them_more_but_a_pivot_pitch_stays_spam() -> None:
    # The owner asked for a quote: the price that comes back was asked for.
    assert spam_odds((OWNER,)) == OPENED_ODDS < CONVERSATION_ODDS
    assert spam_odds((OWNER, FRIENDLY)) == OPENED_ODDS
    quote, pivot = [0.35, 0.55, 0.10], [0.03, 0.95, 0.02]
    weighed = weigh_threads(np.array([quote, pivot]), [(OWNER,), (OWNER,)], spam=1)
    assert weighed[0].argmax() == 0  # a borderline answer to the owner's own question
    assert weighed[1].argmax() == 1  # thanks for the note, now buy this: still spam


def test_no_thread_or_a_thread_without_either_fact_leaves_the_text_alone() -> None:
    assert spam_odds(()) == 1.0
    assert spam_odds((FRIENDLY,)) == 1.0
    probabilities = np.array([[0.5, 0.3, 0.2]])
    assert weigh_threads(probabilities, [()], spam=1) is probabilities


def test_the_thread_tips_a_borderline_message_but_not_a_clear_one() -> None:
    borderline = [0.45, 0.40, 0.15]  # relationship, spam, unclear
    clear_pitch = [0.03, 0.95, 0.02]
    clear_friend = [0.98, 0.01, 0.01]
    weighed = weigh_threads(
        np.array([borderline, clear_pitch, clear_friend, clear_pitch]),
        [(PITCH,), (FRIENDLY, OWNER), (PITCH,), ()],
        spam=1,
    )
    np.testing.assert_allclose(weighed.sum(axis=1), 1.0)
    assert weighed[0].argmax() == 1  # the nudge after a pitch: spam
    assert weighed[1].argmax() == 1 and weighed[1, 1] < 0.95  # still spam, less sure
    assert weighed[2].argmax() == 0  # a clearly personal note after a pitch stays personal
    np.testing.assert_array_equal(weighed[3], clear_pitch)  # no thread: untouched
