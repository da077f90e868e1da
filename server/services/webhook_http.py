"""The HTTP side of webhook delivery: one POST per attempt, bounded in time and size, never a redirect, and
(unless `RUNDUN_WEBHOOK_ALLOW_PRIVATE`) connecting only to addresses checked at connect time.

The host is resolved once, every address is checked, and the socket is opened to a checked address itself,
so DNS rebinding between a check and the connect cannot slip a private address in; TLS verifies the
certificate for, and sends SNI and Host with, the URL's host name.

The requests go through `server.http1` (h11 over asyncio streams, connections kept alive and reused per
origin) rather than httpx: this is the worker's hot path, and httpx with httpcore's pool cost 0.7 to 3 ms
of CPU per request here against about 0.1 ms for that one (bench/webhooks.py).
"""

from __future__ import annotations

import asyncio
import time

import h11

from server import http1
from server.clock import now_iso
from server.http1 import HttpError as DeliveryError  # why an attempt got no HTTP response, in words
from server.http1 import Origin
from server.services import signing
from server.services.ssrf import is_forbidden_address, literal_ip
from server.store.webhooks import Attempt

USER_AGENT = "Rundun-Webhooks/1"
MAX_RESPONSE_BYTES = (
    64 * 1024
)  # read this much of a receiver's answer (keeps the connection reusable), no more
KEEPALIVE_S = 30.0  # forget idle connections older than this
MAX_IDLE = 64  # idle connections kept, over all origins


class ConnectionPool(http1.ConnectionPool):
    """Connects only to checked addresses (unless `allow_private`), resolving the host once per connection."""

    def __init__(self, allow_private: bool):
        super().__init__(keepalive=KEEPALIVE_S, max_idle=MAX_IDLE, peer="receiver")
        self.allow_private = allow_private

    async def addresses(self, origin: Origin) -> list[str]:
        address = literal_ip(origin.host)
        addresses = [address] if address is not None else await http1.resolve(origin.host, origin.port)
        allowed = addresses if self.allow_private else [a for a in addresses if not _forbidden(a)]
        if not allowed:
            raise DeliveryError(
                f"refused to connect to {origin.host}: it resolves to {', '.join(addresses)}, a loopback, "
                "private, link-local, multicast or reserved address (RUNDUN_WEBHOOK_ALLOW_PRIVATE=1 allows it)"
            )
        return allowed


def _forbidden(address: str) -> bool:
    try:
        return is_forbidden_address(address.split("%", 1)[0])
    except ValueError:
        return True


def request_headers(delivery: dict, body: bytes) -> list[tuple[str, str]]:
    """The delivery's headers (`http1.exchange` adds Host and Content-Length)."""
    headers = [
        ("User-Agent", USER_AGENT),
        ("Content-Type", "application/json"),
        ("Rundun-Event", delivery["event"]),
        ("Rundun-Event-Id", delivery["event_id"]),
    ]
    if delivery["secret"]:
        headers.append((signing.HEADER, signing.signature_header(delivery["secret"], body)))
    return headers


async def attempt(pool: ConnectionPool, delivery: dict, timeout: float) -> Attempt:
    """POST the stored body once; a 2xx within `timeout` seconds is success, anything else says why not."""
    body = delivery["body"].encode()
    attempted_at, started = now_iso(), time.perf_counter()
    status: int | None = None
    error: str | None = None
    try:
        async with asyncio.timeout(timeout):
            response = await http1.exchange(
                pool,
                "POST",
                delivery["url"],
                request_headers(delivery, body),
                body,
                max_body=MAX_RESPONSE_BYTES,
            )
        status = response.status
        if 300 <= status < 400:
            location = response.headers.get("location")
            error = f"HTTP {status}: redirects are not followed" + (
                f" (Location: {location})" if location else ""
            )
        elif not 200 <= status < 300:
            error = f"HTTP {status}"
    except TimeoutError:
        status, error = None, f"no complete response within {timeout:g} s"
    except DeliveryError as exc:
        status, error = None, str(exc)
    except h11.LocalProtocolError as exc:
        status, error = None, f"the request could not be sent: {exc}"
    except h11.RemoteProtocolError as exc:
        status, error = None, f"invalid HTTP response: {exc}"
    except OSError as exc:
        status, error = None, f"connection failed: {exc}"
    return Attempt(attempted_at, status, round((time.perf_counter() - started) * 1000), error)
