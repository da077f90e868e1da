"""Webhook signatures, byte-compatible with Stripe's scheme so that any Stripe-style verifier works:
`Rundun-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(key=secret as UTF-8, message="<t>.<raw body>")>`."""

from __future__ import annotations

import hashlib
import hmac
import time

HEADER = "Rundun-Signature"


def signature(secret: str, body: bytes, timestamp: int) -> str:
    message = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode("utf-8"), message, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int | None = None) -> str:
    """The header value for `body` signed now (or at `timestamp`)."""
    t = int(time.time()) if timestamp is None else timestamp
    return f"t={t},v1={signature(secret, body, t)}"
