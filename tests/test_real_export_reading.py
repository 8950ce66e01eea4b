"""Reading what real exports carry: system rows, empty and attachment-only messages, old
LinkedIn promotions, entities without tags, mail-merge leftovers, Excel-saved dates."""

from __future__ import annotations

from datetime import date

import pytest
from real_export_quirks import ATTACHMENTS_2025, EXCEL_2021

from reply_assistant.greeting_name import greeting_name
from reply_assistant.models import MessageKind
from reply_assistant.sources import find_placeholders, open_export
from reply_assistant.sources.connections_csv import parse_connected_on
from reply_assistant.sources.html_text import html_to_text


def read(path):
    with open_export(path) as export:
        return list(export.iter_messages()), export.connections(), export


def by_conversation(messages):
    found: dict[str, list] = {}
    for message in messages:
        found.setdefault(message.conversation_id, []).append(message)
    return found


def test_rows_with_no_sender_are_linkedin_events_not_messages():
    messages, _, _ = read(EXCEL_2021)
    events = [m for m in messages if m.kind is MessageKind.EVENT]
    assert [m.text for m in events] == [
        "Message request accepted",
        "Bo Lund left the conversation",
        "You are now connected",
    ]
    assert all(m.kind is MessageKind.TEXT for m in by_conversation(messages)["2-X8"])


def test_empty_and_attachment_only_messages_have_their_own_kind():
    messages, _, _ = read(ATTACHMENTS_2025)
    kinds = {m.conversation_id: m.kind for m in messages if m.sender.name != "Tariq Bell"}
    assert kinds == {
        "2-Y1": MessageKind.ATTACHMENT,
        "2-Y2": MessageKind.EMPTY,
        "2-Y3": MessageKind.TEXT,
    }
    (jonas,) = by_conversation(read(EXCEL_2021)[0])["2-X6"]  # 9 columns: no ATTACHMENTS
    assert jonas.kind is MessageKind.EMPTY


def test_linkedin_promotions_are_sponsored_with_or_without_a_title():
    conversations = by_conversation(read(EXCEL_2021)[0])
    learning, premium = conversations["2-X4"][0], conversations["2-X5"][0]
    assert learning.sponsored and not learning.conversation_title  # a LinkedIn sender name
    assert premium.sponsored and not premium.conversation_title  # LinkedIn's mail markup
    assert premium.text == "Hi Elin,\nTry Premium free & see who viewed you."
    # A hidden profile ("LinkedIn Member") writing a plain message is a person.
    assert not conversations["2-X11"][0].sponsored


def test_html_entities_are_decoded_in_rows_without_tags():
    (kwame,) = [m for m in read(EXCEL_2021)[0] if m.sender.name == "Kwame Asante"]
    assert kwame.text == (
        "Congrats on the promotion, Elin! It’s earned & overdue. Let's have lunch."
    )
    assert "&" in kwame.content_raw and "&rsquo;" in kwame.content_raw  # kept as exported


@pytest.mark.parametrize(
    "text",
    [
        "Hi $FIRSTNAME, 15 minutes?",
        "Hi {{first_name}}, 15 minutes?",
        "Hi [First Name], 15 minutes?",
        "Hi <<Name>>, 15 minutes?",
        "Hi %FIRST_NAME%, 15 minutes?",
    ],
)
def test_every_mail_merge_leftover_is_a_placeholder(text: str):
    assert len(find_placeholders(text)) == 1


def test_dollar_amounts_and_tickers_are_not_placeholders():
    assert find_placeholders("It costs $USD 40, or $EUR 37; see $AAPL.") == ()


def test_a_dollar_placeholder_in_an_export_row_is_found():
    (viktor,) = [m for m in read(EXCEL_2021)[0] if m.sender.name == "Viktor Lind"]
    assert viktor.placeholders == ("$FIRSTNAME",)


def test_an_angle_placeholder_is_not_taken_for_a_tag():
    assert html_to_text("Hi <<Name>>, a demo?") == "Hi <<Name>>, a demo?"
    assert html_to_text("<p>Hi <<Name>>,</p><p>a demo?</p>") == "Hi <<Name>>,\na demo?"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("08 Feb 2026", date(2026, 2, 8)),
        ("26-Nov-21", date(2021, 11, 26)),
        ("11/26/2021", date(2021, 11, 26)),
        ("26/11/2021", date(2021, 11, 26)),
        ("2021-11-26", date(2021, 11, 26)),
        ("Nov 26, 2021", date(2021, 11, 26)),
        ("someday", None),
        ("31/31/2021", None),
    ],
)
def test_connected_on_as_linkedin_or_excel_writes_it(value: str, expected):
    assert parse_connected_on(value) == expected


def test_every_connection_in_an_excel_saved_file_has_its_date():
    _, connections, export = read(EXCEL_2021)
    assert all(connection.connected_on is not None for connection in connections)
    assert export.unreadable_connection_dates == []


def test_unreadable_connection_dates_are_collected_once_with_their_values(tmp_path):
    (tmp_path / "messages.csv").write_bytes((EXCEL_2021 / "messages.csv").read_bytes())
    (tmp_path / "Connections.csv").write_text(
        "First Name,Last Name,Email Address,Company,Position,Connected On\n"
        "Kwame,Asante,,,,2021.11.02.x\nFarah,Aziz,,,,\n",
        encoding="utf-8",
    )
    _, connections, export = read(tmp_path)
    assert len(connections) == 2
    assert export.unreadable_connection_dates == ["2021.11.02.x"]  # an empty one is not


@pytest.mark.parametrize(
    ("sender", "greeted"),
    [
        ("A Pavan Kalyan", "Pavan"),
        ("K. Ravi Teja", "Ravi"),
        ("Ana Ruiz", "Ana"),
        ("Dr. Ana Ruiz", ""),
        ("Recruiting Team", ""),
        ("Account Services", ""),
        ("LinkedIn Member", ""),
        ("Dana from LinkedIn Premium", ""),
        ("A", ""),
        ("", ""),
    ],
)
def test_greeting_names(sender: str, greeted: str):
    assert greeting_name(sender) == greeted
