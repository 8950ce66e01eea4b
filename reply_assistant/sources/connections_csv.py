"""`Connections.csv` and `Profile.csv` from a LinkedIn export.

Since 2022 Connections.csv opens with a `Notes:` preamble of varying length, so the header
is found by its content (the line starting with First Name), never by counting lines.
"""

from __future__ import annotations

import csv
import itertools
import re
from datetime import date
from typing import TextIO

from reply_assistant.models import Connection, Participant, SkippedRow
from reply_assistant.sources.messages_csv import normalize_header

# The preamble is a few lines; a header further down means this is some other file.
_HEADER_SEARCH_LINES = 50
_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
_DATE_PARTS = re.compile(r"[\s/.,-]+")
_PROFILE_URL = re.compile(r"https?://(?:[a-z]{2,3}\.)?linkedin\.com/in/[^\s,\]\[\"'<>]+", re.I)


def parse_connected_on(value: str) -> date | None:
    """The date a connection was made, as LinkedIn writes it (`08 Feb 2026`) or as Excel
    saves it again (`26-Nov-21`, `11/26/2021`, `2021-11-26`); month names in English
    whatever the locale. None if unreadable."""
    value = value.strip()
    parts = _DATE_PARTS.split(value)
    if len(parts) != 3 or not all(parts):
        return None
    if parts[0].isdigit() and len(parts[0]) == 4:  # 2021-11-26
        year, month, day = parts
    elif parts[1].isalpha():  # 08 Feb 2026, 26-Nov-21
        day, month, year = parts
    elif parts[0].isalpha():  # Nov 26 2021
        month, day, year = parts
    elif "/" in value:  # Excel's US form 11/26/2021; 26/11/2021 only when it cannot be that
        month, day, year = parts
        if month.isdigit() and int(month) > 12:
            month, day = day, month
    else:
        return None
    month_number = int(month) if month.isdigit() else _MONTHS.get(month[:3].lower())
    if month_number is None or not day.isdigit() or not year.isdigit():
        return None
    # Two-digit years are this century: LinkedIn began in 2003.
    full_year = int(year) + 2000 if len(year) == 2 else int(year)
    try:
        return date(full_year, month_number, int(day))
    except ValueError:
        return None


def _is_header_line(line: str) -> bool:
    return line.lstrip('\ufeff" ').lower().startswith("first name")


def read_connections(
    stream: TextIO,
    file_name: str,
    skipped: list[SkippedRow],
    unreadable_dates: list[str] | None = None,
) -> list[Connection]:
    """Connections in file order; rows without a name (hidden profiles) are left out.
    Connected On values that are present but cannot be read go to `unreadable_dates`."""
    lines_before_header = 0
    for line in stream:
        if _is_header_line(line):
            break
        lines_before_header += 1
        if lines_before_header >= _HEADER_SEARCH_LINES:
            break
    else:
        line = ""
    if not _is_header_line(line):
        skipped.append(
            SkippedRow(file_name, 1, "no header line starting with First Name; not read")
        )
        return []
    reader = csv.reader(itertools.chain([line], stream))
    header = [normalize_header(name) for name in next(reader)]
    index = {name: position for position, name in reversed(list(enumerate(header)))}

    def column(row: list[str], name: str) -> str:
        position = index.get(name)
        return row[position].strip() if position is not None and position < len(row) else ""

    connections: list[Connection] = []
    last_line = reader.line_num
    for row in reader:
        row_line = lines_before_header + last_line + 1
        last_line = reader.line_num
        first, last = column(row, "FIRST NAME"), column(row, "LAST NAME")
        if not first and not last:
            continue  # blank line, or a hidden profile: only a date is exported
        if len(row) != len(header):
            skipped.append(SkippedRow(file_name, row_line, f"expected {len(header)} fields"))
            continue
        connected_on_value = column(row, "CONNECTED ON")
        connected_on = parse_connected_on(connected_on_value)
        if connected_on is None and connected_on_value and unreadable_dates is not None:
            unreadable_dates.append(connected_on_value)
        connections.append(
            Connection(
                first_name=first,
                last_name=last,
                profile_url=column(row, "URL"),
                company=column(row, "COMPANY"),
                position=column(row, "POSITION"),
                connected_on=connected_on,
            )
        )
    return connections


def read_owner(stream: TextIO) -> Participant | None:
    """The export's owner from Profile.csv: First Name + Last Name, and a linkedin.com/in/
    URL if any column holds one (Websites sometimes does)."""
    reader = csv.reader(stream)
    header = [normalize_header(name) for name in next(reader, [])]
    row = next(reader, None)
    if not row:
        return None
    values = dict(zip(header, row, strict=False))
    name = f"{values.get('FIRST NAME', '').strip()} {values.get('LAST NAME', '').strip()}"
    if not name.strip():
        return None
    url_match = next(filter(None, map(_PROFILE_URL.search, row)), None)
    return Participant(name.strip(), url_match.group() if url_match else "")
