"""The copier sends OSC 52 through the app and also tries the system clipboard."""

from __future__ import annotations

from reply_assistant.clipboard import make_copier


class _App:
    def __init__(self) -> None:
        self.copied: list[str] = []

    def copy_to_clipboard(self, text: str) -> None:
        self.copied.append(text)


def test_copier_uses_osc52_and_the_fallback() -> None:
    app, fallback = _App(), []
    copy = make_copier(app, fallback=lambda text: fallback.append(text) or True)
    copy("Hi Priya")
    assert app.copied == ["Hi Priya"] and fallback == ["Hi Priya"]


def test_a_missing_system_clipboard_still_copies_through_osc52() -> None:
    app = _App()
    copy = make_copier(app, fallback=lambda text: False)
    copy("Hello")
    assert app.copied == ["Hello"]
