"""Which webhook destinations are allowed: never loopback, private, link-local, multicast or reserved
addresses unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE` says so.

An IPv6 address may carry an IPv4 one inside it, and a relay or translator on the path may deliver to that
IPv4 address: IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, 6to4 `2002:AABB:CCDD::/16`, Teredo
`2001::/32` (server and obfuscated client), NAT64 `64:ff9b::/96` (RFC 6052) and its local-use `64:ff9b:1::/48`
(RFC 8215), and ISATAP interface ids `…:0:5efe:a.b.c.d`. Each is judged by every IPv4 it carries too.
"""

from __future__ import annotations

import ipaddress
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
