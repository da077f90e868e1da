"""What the store's rows become in Python (an outbox `Op`, a run's dict), its JSON and time helpers, and the
error it refuses an action with."""

from __future__ import annotations

import json
import sqlite3
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from server import tdl

SERVER_FIELDS = ("id", "v", "org_id", "created_at", "updated_at")


def now_iso(ms: int | None = None) -> str:
    """ISO 8601 UTC with milliseconds: the server orders answers by `at` to the millisecond."""
    ms = int(time.time() * 1000) if ms is None else ms
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


def local_now() -> str:
    """Now as ISO 8601 with this computer's offset (a photo's `taken_at` when nothing better is known)."""
    return datetime.now().astimezone().isoformat(timespec="seconds")


def dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@dataclass
class Op:
    seq: int
    run_id: str
    op_id: str
    kind: str
    step_id: str | None
    photo_index: int | None
    body: dict
    bytes: int
    state: str
    upload_url: str | None
    upload_offset: int
    error: str | None


class StoreError(Exception):
    """An action the store refuses (the run is finished, a photo slot is full…), in words."""


def ms_of(at: str) -> int:
    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return int(time.time() * 1000)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp() * 1000)


def run_dict(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["snapshot"] = loads(out["snapshot"])
    out["identity"] = loads(out["identity"])
    out["server_progress"] = loads(out["server_progress"])
    return out


def op_of(row: sqlite3.Row) -> Op:
    return Op(
        row["seq"],
        row["run_id"],
        row["op_id"],
        row["kind"],
        row["step_id"],
        row["photo_index"],
        json.loads(row["body"]),
        row["bytes"],
        row["state"],
        row["upload_url"],
        row["upload_offset"],
        row["error"],
    )


def template_model(snapshot: dict) -> tdl.Template:
    """The run's snapshot as a TDL model (the server's own fields dropped), built once per run."""
    return tdl.Template.model_validate({k: v for k, v in snapshot.items() if k not in SERVER_FIELDS})
