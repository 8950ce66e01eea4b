"""Short relative times for the inbox ("5m", "3h", "2d", "Nov 3")."""

from __future__ import annotations

from datetime import UTC, datetime


def utc_now() -> datetime:
    return datetime.now(UTC)


def relative_time(then: datetime, now: datetime) -> str:
    """At most six characters, so the inbox column stays narrow."""
    seconds = (now - then).total_seconds()
    if seconds < 60:
        return "now"
    if seconds < 3600:
        return f"{int(seconds // 60)}m"
    if seconds < 86400:
        return f"{int(seconds // 3600)}h"
    if seconds < 7 * 86400:
        return f"{int(seconds // 86400)}d"
    if then.year == now.year:
        return then.strftime("%b %-d")
    return then.strftime("%Y")
