"""The user's voice, learned from the messages they sent, and `reply-assistant voice`."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from reply_assistant.cli import cli
from reply_assistant.config import VoiceSettings
from reply_assistant.store.owner_replies import OwnerReply
from reply_assistant.voice import Voice, describe_voice, learn_voice, style_profile


def sent(text: str, to: str = "Sam Lee") -> OwnerReply:
    return OwnerReply(text=text, recipient=to, recipient_key=f"url:{to}", answered="")


CASUAL = [
    sent("Hey Sam, great to hear from you! Let's talk soon 🙂\n\nCheers,\nJo"),
    sent("Hey Ana, thanks for the note, really helpful.\n\nCheers,\nJo", "Ana Ruiz"),
    sent("Hey Bo, haha yes, that's the one. Cheers, Jo", "Bo Chen"),
    sent("¡Hola Marta! Qué alegría saber de ti, hablamos pronto.", "Marta Gil"),
    sent("Hey Kim, sounds good to me 🙂\n\nCheers,\nJo", "Kim Park"),
]


def test_learns_greeting_sign_off_emoji_formality_and_language_per_contact() -> None:
    voice = learn_voice(CASUAL)
    assert voice.greeting == "Hey {name},"
    assert (voice.closing, voice.signature) == ("Cheers,", "Jo")
    assert voice.emoji is True  # 2 of the 5: often enough to be a habit
    assert voice.formality == "informal"
    assert voice.languages["url:Marta Gil"] == "es"
    assert voice.languages["url:Sam Lee"] == "en"
    assert voice.samples == 5


def test_a_user_who_never_greets_or_signs_is_learned_as_such() -> None:
    plain = [sent(f"Sounds good, see the notes for item {n}.") for n in range(10)]
    voice = learn_voice(plain)
    assert voice.greeting == "" and voice.closing == "" and voice.signature == ""
    assert voice.formality == "formal"
    assert dict(describe_voice(voice))["greeting"].startswith("none")


def test_a_few_short_replies_do_not_make_a_user_who_never_greets() -> None:
    # Replies inside threads ("Thursday it is.") carry no greeting whoever writes them.
    voice = learn_voice([sent(f"Thursday it is, item {n}.") for n in range(4)])
    assert voice.greeting is None and voice.closing is None and voice.signature is None
    with_habit = learn_voice([*CASUAL[:3], sent("Thursday it is.")])
    assert with_habit.greeting == "Hey {name}," and with_habit.closing == "Cheers,"


def test_too_few_sent_messages_leave_the_habits_unknown() -> None:
    voice = learn_voice(CASUAL[:2])
    assert voice.greeting is None and voice.closing is None and voice.samples == 2
    assert "not enough" in dict(describe_voice(voice))["greeting"]
    assert style_profile(voice)


def test_config_overrides_what_was_learned() -> None:
    voice = learn_voice(CASUAL).overridden(VoiceSettings(greeting="", emoji=False))
    assert voice.greeting == "" and voice.emoji is False
    assert voice.closing == "Cheers,"  # not overridden: still learned


def test_style_profile_is_short_and_empty_when_nothing_is_known() -> None:
    assert style_profile(Voice()) == ""
    profile = style_profile(learn_voice(CASUAL))
    assert "Hey {name}," in profile and "Cheers, Jo" in profile
    assert len(profile.splitlines()) <= 6


def test_voice_command_shows_the_demo_owners_habits(tmp_path: Path) -> None:
    db = tmp_path / "state.db"
    runner = CliRunner()
    # `inbox` on an empty state file imports the bundled demo, as the UI does.
    assert runner.invoke(cli, ["--db", str(db), "inbox"]).exit_code == 0
    shown = runner.invoke(cli, ["--db", str(db), "voice"])
    assert shown.exit_code == 0, shown.output
    assert "learned from" in shown.output and "sent messages" in shown.output
    learned = json.loads(runner.invoke(cli, ["--db", str(db), "voice", "--json"]).output)
    assert learned["samples"] >= 10
    assert learned["languages"]


def test_voice_without_a_state_file_is_one_line_and_exit_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "none.db"), "voice"])
    assert result.exit_code == 2 and "No state database" in result.output
