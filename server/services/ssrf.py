"""Which webhook destinations are allowed: never loopback, private, link-local, multicast or reserved
addresses unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE` says so."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def is_forbidden_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
    )


def literal_ip(host: str) -> str | None:
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        return None


def webhook_url_problem(url: str, allow_private: bool) -> str | None:
    """Why `url` cannot be a webhook destination, or None. Names are resolved at connect time instead."""
    try:
        parts = urlsplit(url)
        port = parts.port  # raises on a bad port
    except ValueError:
        return "must be an absolute http(s) URL"
    del port
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an absolute http(s) URL"
    address = literal_ip(parts.hostname)
    if address is not None and not allow_private and is_forbidden_address(address):
        return "must not point at a loopback, private, link-local, multicast or reserved address"
    if not allow_private and parts.hostname.lower() in ("localhost", "localhost.localdomain"):
        return "must not point at a loopback, private, link-local, multicast or reserved address"
    return None
