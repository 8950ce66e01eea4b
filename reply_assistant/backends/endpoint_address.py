"""Whether an endpoint is on this machine or the local network, judged from its URL alone."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit

_LOCAL_NAMES = ("localhost", "host.docker.internal")
_LOCAL_SUFFIXES = (".localhost", ".local", ".lan", ".internal", ".home.arpa")


def is_local(url: str) -> bool:
    """True for loopback, private and link-local addresses and the names used for them.
    Nothing is resolved: a name that is not obviously local counts as remote."""
    host = (urlsplit(url).hostname or "").lower()
    if host in _LOCAL_NAMES or host.endswith(_LOCAL_SUFFIXES):
        return True
    try:
        address = ipaddress.ip_address(host)
    except ValueError:
        return "." not in host  # a bare machine name on the LAN ("gpu-box")
    return address.is_loopback or address.is_private or address.is_link_local
