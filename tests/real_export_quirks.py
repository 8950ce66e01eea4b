"""Small exports in the real shape with the quirks real exports carry (issue 14), written
for these tests with fictional people: tests/fixtures/real-export-quirks.

excel-2021: the 9-column shape of older exports, owner Elin Sandberg, with LinkedIn's
system rows, an empty message, LinkedIn promotions without and with a campaign title's
markup, HTML entities in plain text, a `$FIRSTNAME` pitch, "A Pavan Kalyan", "Account
Services", "Dr. Ana Ruiz", an ARCHIVE conversation, a years-old one, two hidden-profile
("LinkedIn Member") pitches and a connection's "thanks for connecting" then "hope you are
safe"; its Connections.csv was saved again by Excel (no preamble, no URL, three date forms).

attachments-2025: the 11-column shape with ATTACHMENTS, owner Tariq Bell: an
attachment-only message, a message with neither text nor attachment, and a thread the
owner answered last.
"""

from __future__ import annotations

from pathlib import Path

QUIRKS = Path(__file__).parent / "fixtures" / "real-export-quirks"
EXCEL_2021 = QUIRKS / "excel-2021"
ATTACHMENTS_2025 = QUIRKS / "attachments-2025"
ELIN = "https://www.linkedin.com/in/elin-sandberg-5c"
