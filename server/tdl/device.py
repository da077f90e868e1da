"""The `Rundun-Device` header (SPEC §10): what an executor still holds for a run, in one line.

`pending-ops=<n>; pending-bytes=<n>; failed-ops=<n>; app=<name/version>`. The desktop executor writes it
and the server reads it with these two functions, so both sides agree on the format. Reading is lenient
by contract: a malformed field is left out (never an error), unknown fields are ignored.
"""

from __future__ import annotations

import re

HEADER = "Rundun-Device"
COUNTS = {"pending-ops": "pending_ops", "pending-bytes": "pending_bytes", "failed-ops": "failed_ops"}
APP_RE = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._+-]{0,60}/[A-Za-z0-9][A-Za-z0-9._+-]{0,40}$")
MAX_HEADER = 1000  # longer is not a header our executors send: ignored whole
MAX_COUNT = 10**15  # a count beyond this is a malformed value (no device holds a petabyte of photos)


def format_device(pending_ops: int, pending_bytes: int, failed_ops: int, app: str) -> str:
    """The header value an executor sends."""
    return f"pending-ops={pending_ops}; pending-bytes={pending_bytes}; failed-ops={failed_ops}; app={app}"


def parse_device(text: str | None) -> dict:
    """The well-formed fields of a header value as `{pending_ops, pending_bytes, failed_ops, app}` (a subset;
    empty when nothing in it is usable)."""
    if not text or len(text) > MAX_HEADER:
        return {}
    found: dict = {}
    for part in text.split(";"):
        key, sep, value = part.strip().partition("=")
        key, value = key.strip().lower(), value.strip()
        if not sep:
            continue
        if key in COUNTS and value.isascii() and value.isdigit() and int(value) <= MAX_COUNT:
            found[COUNTS[key]] = int(value)
        elif key == "app" and APP_RE.match(value):
            found["app"] = value
    return found
