"""The conversation around a message, as evidence for a borderline verdict.

The text decides; the thread only tips what the text leaves open, and only when there is
a thread to read, so a message with none (a bare `messages.csv`, a typed-in message) is
judged on its text alone. Two facts of the conversation move the odds of spam:

- **A nudge after the sender's own unanswered pitch** ("third time lucky?", "did you see
  my last note?") asks for the pitch again: spam odds times NUDGE_ODDS.
- **The owner wrote in this thread, and the sender had not pitched in it**: the message
  answers a conversation the owner took part in (a quote they asked for, a date, a file),
  so its commercial words are more likely an answer than a pitch: spam odds times
  CONVERSATION_ODDS, or OPENED_ODDS when the owner opened the conversation (they asked
  for a quote, a date, advice: what comes back was asked for). The owner's polite "I'll
  pass" to a pitch makes no conversation of it: the sender's next pitch is judged on its
  text.

Odds, not overrides: a clear pitch after the owner's friendly reply stays spam (0.95
becomes 0.86, or 0.76 in a thread the owner opened: the sender who thanks the owner for
their note and then sells something else), and a clearly personal message after a pitch
stays personal. Measured leave-one-batch-out in docs/offline-model.md ("Reading the ask").
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from reply_assistant.backends.offline.signals import follows_unanswered_pitch, reads_as_pitch
from reply_assistant.models import ThreadTurn

# 10 until model f271a6a00f, whose spam threshold is 0.7: held out, 30 gets all 18
# corpus nudges after an unanswered pitch right (10: 15) and moves no friend
# (docs/offline-model.md, "A hidden layer").
NUDGE_ODDS = 30.0
CONVERSATION_ODDS = 1 / 3
# All 154 rows of the first six batches in a thread the owner opened are relationship; in
# the `asks` batch, written afterwards with 27 pivot pitches in such threads, 1/6 kept every
# pivot caught that 1/3 caught and 1/10 lost two (docs/offline-model.md).
OPENED_ODDS = 1 / 6


def spam_odds(thread: tuple[ThreadTurn, ...]) -> float:
    """How much the thread multiplies the odds that the message after it is spam."""
    if not thread:
        return 1.0
    if follows_unanswered_pitch(thread):
        return NUDGE_ODDS
    owner_wrote = any(turn.from_owner for turn in thread)
    if owner_wrote and not any(reads_as_pitch(t.text) for t in thread if not t.from_owner):
        return OPENED_ODDS if thread[0].from_owner else CONVERSATION_ODDS
    return 1.0


def weigh_threads(
    probabilities: np.ndarray, threads: Sequence[tuple[ThreadTurn, ...]], spam: int
) -> np.ndarray:
    """`probabilities` (n, classes) with each row's spam odds moved by its thread."""
    odds = np.array([spam_odds(thread) for thread in threads])
    moved = np.flatnonzero(odds != 1.0)
    if len(moved) == 0:
        return probabilities
    weighed = probabilities.copy()
    weighed[moved, spam] *= odds[moved]
    weighed[moved] /= weighed[moved].sum(axis=1, keepdims=True)
    return weighed
