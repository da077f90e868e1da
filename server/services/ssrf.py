"""Which webhook destinations are allowed: never loopback, private, link-local, multicast or reserved
addresses unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE` says so.

An IPv6 address may carry an IPv4 one inside it, and a relay or translator on the path may deliver to that
IPv4 address: IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, 6to4 `2002:AABB:CCDD::/16`, Teredo
`2001::/32` (server and obfuscated client), NAT64 `64:ff9b::/96` (RFC 6052) and its local-use `64:ff9b:1::/48`
(RFC 8215), and ISATAP interface ids `…:0:5efe:a.b.c.d`. Each is judged by every IPv4 it carries too.
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

IPv4 = ipaddress.IPv4Address
NAT64 = [ipaddress.ip_network("64:ff9b::/96"), ipaddress.ip_network("64:ff9b:1::/48")]
IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
ISATAP_IDS = (0x00005EFE, 0x02005EFE)


def _refused(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    return (
        not ip.is_global
        or ip.is_multicast
        or ip.is_reserved
        or ip.is_loopback
        or ip.is_link_local
        or ip.is_private
    )


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """Every IPv4 address an IPv6 address wraps, by each known embedding."""
    value = int(ip)
    low32 = IPv4(value & 0xFFFFFFFF)
    found = []
    if ip.ipv4_mapped is not None:
        found.append(ip.ipv4_mapped)
    if ip.sixtofour is not None:
        found.append(ip.sixtofour)
    if ip.teredo is not None:
        found.extend(ip.teredo)
    if any(ip in net for net in NAT64) or (ip in IPV4_COMPATIBLE and value > 1):
        found.append(low32)
    if (value >> 32) & 0xFFFFFFFF in ISATAP_IDS:
        found.append(low32)
    return found


def is_forbidden_address(address: str) -> bool:
    ip = ipaddress.ip_address(address)
    if not isinstance(ip, ipaddress.IPv6Address):
        return _refused(ip)
    if ip in NAT64[0]:
        # The well-known NAT64 prefix is how an IPv6-only host (DNS64) reaches any IPv4 receiver: judged by
        # the IPv4 it translates to (Python files the whole ::/8 it sits in as reserved).
        return _refused(embedded_ipv4(ip)[0])
    return _refused(ip) or any(_refused(v4) for v4 in embedded_ipv4(ip))


def literal_ip(host: str) -> str | None:
    """The address `host` spells, if it is one: also the IPv4 shorthands the resolver takes as addresses
    ("127.1", "2130706433", "0x7f000001"), which passed the dispatch's check as names and were refused only at
    delivery, after a 201 for a webhook that could never be delivered."""
    try:
        return str(ipaddress.ip_address(host.strip("[]")))
    except ValueError:
        pass
    try:
        return socket.inet_ntoa(socket.inet_aton(host))
    except (OSError, ValueError):  # not an IPv4 in any spelling (ValueError: a NUL in it)
        return None


def url_shape_problem(url: str) -> str | None:
    """Why `url` is no absolute http(s) URL, or None: the part of the webhook check that needs no setting (the
    request's schema makes it, so that it is named with every other problem of the body)."""
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 raises on a bad port
    except ValueError:
        return "must be an absolute http(s) URL"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return "must be an absolute http(s) URL"
    return None


def webhook_url_problem(url: str, allow_private: bool) -> str | None:
    """Why `url` cannot be a webhook destination, or None. Names are resolved at connect time instead."""
    shape = url_shape_problem(url)
    if shape is not None:
        return shape
    parts = urlsplit(url)
    assert parts.hostname is not None  # url_shape_problem saw to it
    address = literal_ip(parts.hostname)
    if address is not None and not allow_private and is_forbidden_address(address):
        return "must not point at a loopback, private, link-local, multicast or reserved address"
    if not allow_private and parts.hostname.lower().rstrip(".") in ("localhost", "localhost.localdomain"):
        return "must not point at a loopback, private, link-local, multicast or reserved address"
    return None
