"""What inbox search compares: text without case or accents, so "echeverria" finds
"Echeverría" and "weiss" finds "Weiß"."""

from __future__ import annotations

import unicodedata

# Text is folded a slice at a time, which gives the same key (each character folds on its
# own; the only characters NFKD reorders are the marks dropped): a 50 MB message then costs
# a few copies of itself, not its 50 million characters listed at once (400 MB).
_SLICE_CHARS = 65_536


# Not cached: each conversation's texts are folded once, when it is written (schema._V8),
# and a search folds only what was typed.
def search_key(text: str) -> str:
    """`text` decomposed (NFKD), without its combining marks (the accents, a Zalgo's
    stack), and casefolded (ß becomes ss)."""
    if text.isascii():  # most texts: nothing decomposes, and lower() is casefold() here
        return text.lower()
    return "".join(
        _fold(text[start : start + _SLICE_CHARS]) for start in range(0, len(text), _SLICE_CHARS)
    )


def _fold(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()
