"""The stopword language detector."""

from __future__ import annotations

import pytest

from reply_assistant.backends.offline.language import UNDETERMINED, detect_language


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Hi Sam, thanks for the intro, I would love to hear about your work.", "en"),
        ("Hola Sam, gracias por tu mensaje, me encantaría saber más de tu proyecto.", "es"),
        ("Bonjour Sam, merci pour votre message, je suis très content de vous lire.", "fr"),
        ("Hallo Sam, danke für die Nachricht, ich freue mich sehr über deine Idee.", "de"),
        ("Olá Sam, obrigado pela mensagem, você está bem? Abraço.", "pt"),
        ("Ciao Sam, grazie per il messaggio, sono molto contento per te.", "it"),
        ("Hoi Sam, bedankt voor je bericht, ik ben heel blij met het nieuws.", "nl"),
    ],
)
def test_detects_the_supported_languages(text: str, language: str) -> None:
    assert detect_language(text) == language


@pytest.mark.parametrize("text", ["", "👍", "https://x.io/abc", "Sam 2026"])
def test_too_little_text_is_undetermined(text: str) -> None:
    assert detect_language(text) == UNDETERMINED
