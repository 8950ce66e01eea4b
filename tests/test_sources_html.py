"""Plain text from LinkedIn's HTML content, and unfilled mail-merge fields."""

from __future__ import annotations

import pytest

from reply_assistant.sources import find_placeholders, html_to_text


def test_paragraphs_become_lines_and_entities_are_decoded():
    content = (
        '<p class="spinmail-quill-editor__spin-break">Hi %FIRSTNAME%,</p>'
        "<p>Our <strong>webinar</strong> is free &amp; online.</p>"
    )
    assert html_to_text(content) == "Hi %FIRSTNAME%,\nOur webinar is free & online."


def test_list_items_become_dash_lines():
    content = (
        "<p>Hi Jordan,</p><ul><li>Remote</li><li>Senior &lt;IC&gt;</li></ul><p>Interested?</p>"
    )
    assert html_to_text(content) == "Hi Jordan,\n- Remote\n- Senior <IC>\nInterested?"


def test_br_breaks_lines_and_source_whitespace_collapses():
    content = "<div>Line one<br>Line two<br/><br />After a gap\n   same   line</div>"
    assert html_to_text(content) == "Line one\nLine two\n\nAfter a gap same line"


def test_no_tags_survive_and_scripts_are_dropped():
    content = '<p>Click <a href="https://x.example">here</a></p><script>alert(1)</script>'
    assert html_to_text(content) == "Click here"


@pytest.mark.parametrize(
    "plain",
    [
        "Thanks!  Two spaces kept.",
        "a < b and c > d",
        "Fish & chips & R&D stay as typed, &nothing decoded",
        "line one\r\nline two\rline three\n",
        "Emoji 🙂 and <3",
    ],
)
def test_plain_text_passes_through_unchanged(plain: str):
    assert html_to_text(plain) == plain


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hi %FIRSTNAME%, love what %COMPANYNAME% does", ("%FIRSTNAME%", "%COMPANYNAME%")),
        ("Hey {first_name}, about {{company}} and {{ company }}", (
            "{first_name}", "{{company}}", "{{ company }}",
        )),
        ("Dear [First Name], your role at [Company Name]", ("[First Name]", "[Company Name]")),
        ("Hi %FIRSTNAME% %FIRSTNAME%", ("%FIRSTNAME%",)),
        ("50% off, then 20% more [link] [1] {}", ()),
        ("Plain message with no fields", ()),
    ],
)  # fmt: skip
def test_find_placeholders(text: str, expected: tuple[str, ...]):
    assert find_placeholders(text) == expected
