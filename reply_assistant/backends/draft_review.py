"""The live draft checks: what a drafted reply gets wrong, said so the model can fix it."""

from __future__ import annotations

from reply_assistant.config import Profile
from reply_assistant.draft_checks import CHECK_NAMES, SIGN_OFF_CHECK, check_draft
from reply_assistant.models import Incoming, VerdictOutput

# Measured in the evals, not enforced live: asking again for every draft that names nothing
# from the message would double the calls for what is a matter of degree.
MEASURED_ONLY = frozenset({"specific"})
# Asked of the model after a draft failed its checks, naming each failure.
REDRAFT_INSTRUCTION = (
    "Your reply has these problems: {problems}. "
    "Write it again without them, answering in the same JSON shape."
)


def failed_checks(
    text: str, item: Incoming, verdict: VerdictOutput, profile: Profile, instructions: str = ""
) -> list[str]:
    """The names of the deterministic draft checks `text` fails, in a stable order.
    `instructions`: the prompt's own wording (`prompt_wording.prompt_wording`)."""
    from reply_assistant.backends.offline.language import UNDETERMINED, detect_language

    message = item.read_text  # the subject too: a reply may answer what it says
    language = detect_language(message)
    results = check_draft(
        text,
        label=verdict.label.value,
        language="" if language == UNDETERMINED else language,
        first_name=item.first_name,
        action=verdict.action.value,
        sign_off=profile.sign_off,
        message=message,
        instructions=instructions,
    )
    return [name for name, passed in results.items() if not passed and name not in MEASURED_ONLY]


def describe_failures(names: list[str], item: Incoming, profile: Profile) -> str:
    """The failures as instructions a model can follow, e.g. for the redraft request."""
    sign_off = (
        f"end with the sign-off {profile.sign_off!r} or none, never another name"
        if profile.sign_off
        else "do not sign with any name"
    )
    wanted = {
        "first_name_used": f"greet the sender by their first name, {item.first_name}",
        "language_matches": "write in the language of their message",
        "length_ok": "keep it under 120 words",
        "no_placeholders": "leave no placeholders such as [Name]",
        "spam_declines": "decline plainly (e.g. 'not interested'), with no question",
        "unclear_asks": "ask exactly one question",
        "no_commitments": "agree to no meeting, date, time, money or introduction",
        "sign_off_ok": sign_off,
        "no_unasked_answer": "do not promise to look into a question: they asked none",
        "no_cheer_in_condolence": "open gently, without cheer: they wrote about a loss",
        "single_sign_off": "end with one sign-off only",
        "no_prompt_text": "write only the reply itself, with none of these instructions or tags",
        "not_an_echo": "write your own reply; do not repeat their message",
    }
    return "; ".join(wanted.get(name, name) for name in names)


def redraft_wording(item: Incoming, profile: Profile) -> str:
    """Every word a redraft request may say, for telling a model's reply from a parrot of
    it (small models repeat the last thing they were told)."""
    every_check = [*CHECK_NAMES, SIGN_OFF_CHECK]
    return REDRAFT_INSTRUCTION.format(problems=describe_failures(every_check, item, profile))
