"""What a prompt itself says, to tell a model's answer from a copy of its instructions.

Small models asked for JSON sometimes fill a field with the field's description ("One
short sentence a person can check.") or the prompt's example, and asked for a reply they
sometimes send the prompt back. Such an answer parses, so only its wording gives it away.
"""

from __future__ import annotations

import re

from pydantic import BaseModel

from reply_assistant.backends.base import BackendError
from reply_assistant.backends.openai_client import REPAIR_INSTRUCTION
from reply_assistant.draft_checks import no_prompt_text
from reply_assistant.models import Usage, VerdictOutput
from reply_assistant.prompts import PromptVersion

_VARIABLE = re.compile(r"\{[a-z_]+\}")
# A filled-in answer shown to the model ("Example: {{...}}"), on a line of its own.
_EXAMPLE_ANSWER = re.compile(r"^Example:.*$", re.MULTILINE)
# The reason in such an example, and what makes another reason a near copy of it: most of
# its content words (four letters or more: "pitches", "stranger", not "to", "a").
_EXAMPLE_REASON = re.compile(r'"reason":\s*"([^"]+)"')
_WORDS = re.compile(r"\w+")
_MIN_CONTENT_LETTERS = 4
_MIN_CONTENT_WORDS = 3
_NEAR_COPY_SHARE = 0.8
# A tag longer than this is a sentence passed off as one.
MAX_SIGNAL_WORDS = 5
MAX_SIGNALS = 4
REASON_INSTRUCTION = (
    "Your reason repeats the instructions instead of saying something about this message. "
    "Answer again in the same JSON shape, with a reason about this message."
)


class CopiedPrompt(BackendError):
    """A model's answers parse but copy the prompt's wording: the structured output works,
    the model does not read the message (too small for the task, as a rule)."""

    def __init__(self, model: str, attempts: int, usage: Usage, cost_usd: float | None) -> None:
        super().__init__(
            f"{model}'s verdicts repeat the prompt's instructions instead of reading the "
            "message; try a larger model",
            kind="invalid_output",
            attempts=attempts,
            usage=usage,
            cost_usd=cost_usd,
        )


def answer_wording(prompt: PromptVersion, schema: type[BaseModel]) -> str:
    """How the prompt asks for its answer: the answer-format instructions (with their
    example, if any), the schema's descriptions, and the repair requests that may follow."""
    descriptions = [schema.__doc__ or ""] + [
        field.description or "" for field in schema.model_fields.values()
    ]
    fixed = f"{prompt.output_instruction} {prompt.stream_instruction} {REPAIR_INSTRUCTION}"
    return " ".join([_VARIABLE.sub(" ", fixed), *descriptions, REASON_INSTRUCTION])


def prompt_wording(prompt: PromptVersion, schema: type[BaseModel]) -> str:
    """Everything fixed a model was given besides the data: the system template without
    its variables, and `answer_wording` without its example answer, which a reply may
    rightly follow word for word ("thanks for thinking of me, but this is not a fit")."""
    wording = f"{prompt.system} {answer_wording(prompt, schema)}"
    return _EXAMPLE_ANSWER.sub(" ", _VARIABLE.sub(" ", wording))


def copied_reason(verdict: VerdictOutput, wording: str, message: str) -> bool:
    """The verdict's reason is the prompt's wording, not a sentence about `message`: a run
    of it, or the example answer's reason with a word changed or dropped ("Pitches
    outsourced to a stranger." for "Pitches outsourced lead generation to a stranger.").
    Only words the message does not have count as copied: a reason about a lead
    generation pitch may well say "lead generation"."""
    if not no_prompt_text(verdict.reason, wording):
        return True
    unsupported = _content_words(verdict.reason) - _content_words(message)
    return len(unsupported) >= _MIN_CONTENT_WORDS and any(
        len(unsupported & _content_words(example)) >= _NEAR_COPY_SHARE * len(unsupported)
        for example in _EXAMPLE_REASON.findall(wording)
    )


def _content_words(text: str) -> set[str]:
    return {word for word in _WORDS.findall(text.casefold()) if len(word) >= _MIN_CONTENT_LETTERS}


def own_signals(signals: list[str], wording: str) -> list[str]:
    """The tags that are tags: short, not copied from the prompt, at most MAX_SIGNALS."""
    kept = [
        signal
        for signal in signals
        if signal.strip()
        and len(signal.split()) <= MAX_SIGNAL_WORDS
        and no_prompt_text(signal, wording)
    ]
    return kept[:MAX_SIGNALS]
