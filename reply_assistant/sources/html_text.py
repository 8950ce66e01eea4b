"""Plain text from LinkedIn's HTML message content, and unfilled mail-merge fields.

Sponsored and InMail content arrives as HTML (`<p class="spinmail-...">`, `<br>`, lists,
`&amp;`); ordinary messages are plain text and keep their spacing and line breaks, so the
HTML path only runs when the content holds a real tag. Character references are decoded
everywhere: exports from 2019-2020 carry `&rsquo;` and `&nbsp;` in plain-text rows too.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>]*)?/?>")
_BLOCK_TAGS = frozenset(
    {"p", "div", "ul", "ol", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "tr"}
)
_SKIPPED_TAGS = frozenset({"script", "style", "head", "title"})
_SPACES = re.compile(r"\s+")
_BLANK_LINES = re.compile(r"\n{3,}")
# Only references closed by ";": html.unescape alone would also turn "&not" in "&nothing"
# into "¬", as browsers do for a few legacy names.
_CHARACTER_REFERENCE = re.compile(
    r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});"
)
# A `<<Name>>` mail-merge field is not a tag: escaped before parsing so it survives.
_ANGLE_FIELD = re.compile(r"<<\s*[A-Za-z][A-Za-z _]{0,30}\s*>>")


def looks_like_html(content: str) -> bool:
    return "<" in content and _TAG.search(_ANGLE_FIELD.sub("", content)) is not None


def decode_references(text: str) -> str:
    """`It&rsquo;s` -> `It’s`; `&nbsp;` becomes a plain space, as a reader sees it."""
    if "&" not in text:
        return text
    return _CHARACTER_REFERENCE.sub(_decoded, text)


def _decoded(reference: re.Match[str]) -> str:
    character = html.unescape(reference.group())
    return " " if character == "\xa0" else character


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self._skip_depth = 0

    def _block_break(self) -> None:
        # Adjacent block boundaries (</p><p>, </li><li>) make one line break, not several.
        if self.parts and not self.parts[-1].endswith("\n"):
            self.parts.append("\n")

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth += 1
        elif tag == "br":
            self.parts.append("\n")
        elif tag == "li":
            self._block_break()
            self.parts.append("- ")
        elif tag in _BLOCK_TAGS:
            self._block_break()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "br":
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self._skip_depth = max(0, self._skip_depth - 1)
        elif tag in _BLOCK_TAGS:
            self._block_break()

    def handle_data(self, data: str) -> None:
        if not self._skip_depth:
            # HTML collapses whitespace in text; the markup, not the source layout, breaks lines.
            self.parts.append(_SPACES.sub(" ", data))


def html_to_text(content: str) -> str:
    """Plain text from LinkedIn HTML content; content without tags keeps its layout and
    only has its character references decoded."""
    if not looks_like_html(content):
        return decode_references(content)
    collector = _TextCollector()
    collector.feed(_ANGLE_FIELD.sub(lambda match: html.escape(match.group()), content))
    collector.close()
    lines = [line.strip() for line in "".join(collector.parts).split("\n")]
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip("\n")


# Field names a mail merge fills in; brackets are common in ordinary prose ("[link]", "[1]"),
# so a bracketed field counts only when it names one of these.
_FIELD_WORDS = (
    "firstname|lastname|fullname|name|yourname|company|companyname|yourcompany|title|"
    "jobtitle|position|role|industry|city|location|school|recipient|contact"
)
_PLACEHOLDER = re.compile(
    r"%[A-Z][A-Za-z]*(?:_[A-Za-z]+)*%"  # %FIRSTNAME%, %COMPANY_NAME%
    r"|\{\{\s*[A-Za-z_][A-Za-z0-9_.]*\s*\}\}"  # {{company}}, {{ first_name }}
    r"|\{[A-Za-z_][A-Za-z0-9_]*\}"  # {first_name}
    r"|\[[A-Za-z][A-Za-z _]{1,30}\]"  # [First Name] (checked against _FIELD_WORDS below)
    r"|<<\s*[A-Za-z][A-Za-z _]{0,30}\s*>>"  # <<Name>> (checked too)
    r"|\$[A-Z][A-Z_]{2,30}\b"  # $FIRSTNAME (checked too: "$USD" is a currency)
)
_BRACKET_FIELD = re.compile(rf"(?:{_FIELD_WORDS})", re.IGNORECASE)


def find_placeholders(*texts: str) -> tuple[str, ...]:
    """Unfilled mail-merge fields in the texts (a subject and a body: a mail merge fills
    both), each once, in order of first appearance."""
    text = "\n".join(texts)
    if not any(mark in text for mark in "%{[<$"):
        return ()
    found: dict[str, None] = {}
    for match in _PLACEHOLDER.finditer(text):
        token = match.group()
        if token[0] in "[<$":
            key = token.strip("[]<>$ ").replace(" ", "").replace("_", "")
            if not _BRACKET_FIELD.fullmatch(key):
                continue
        found.setdefault(token, None)
    return tuple(found)
