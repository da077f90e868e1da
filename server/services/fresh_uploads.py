"""tus uploads created but not yet holding an acknowledged byte: kept in memory, not in the database.

Issue 16: a commit (an fsync) for the row of an upload that has no bytes yet was a quarter of a photo's
cost on the server. The row is written with the first bytes acknowledged (a checkpoint, or the attach of a
photo sent in one PATCH, in the same write job), so a restart forgets only uploads that hold nothing: the
client's HEAD gets 404 and it creates another, as it does for any upload the server no longer knows.

Bounded (`KEPT`, the oldest go first) and expired with the unfinished uploads (RUNDUN_UPLOAD_TTL_HOURS).
They count towards a run's open-upload cap like stored ones. One server process owns them, as it owns
the uploads' writers (see `tus`). When processes share a PostgreSQL database, only a creation that carries
its first bytes is kept here (a plain creation writes its row, since its first PATCH may reach another
process); another process's cap count then misses the few such requests in flight, a small overshoot.
"""

from __future__ import annotations

import time
from typing import Any

KEPT = 4096

# upload id → its row as `store.get_upload` returns it (offset 0, status 'receiving'), plus `_born`
_fresh: dict[str, dict[str, Any]] = {}


def remember(upload: dict[str, Any]) -> None:
    while len(_fresh) >= KEPT:
        del _fresh[next(iter(_fresh))]
    _fresh[upload["id"]] = {**upload, "upload_offset": 0, "status": "receiving", "_born": time.time()}


def lookup(run_id: str, upload_id: str) -> dict[str, Any] | None:
    upload = _fresh.get(upload_id)
    if upload is None or upload["run_id"] != run_id:
        return None
    return {k: v for k, v in upload.items() if k != "_born"}


def of_run(run_id: str) -> list[dict[str, Any]]:
    """The run's fresh uploads, oldest first (as `store.open_uploads` orders stored ones)."""
    return [lookup(run_id, u["id"]) or {} for u in _fresh.values() if u["run_id"] == run_id]


def count(run_id: str) -> int:
    return sum(1 for u in _fresh.values() if u["run_id"] == run_id)


def forget(upload_id: str) -> None:
    _fresh.pop(upload_id, None)


def forget_run(run_id: str) -> None:
    for upload_id in [i for i, u in _fresh.items() if u["run_id"] == run_id]:
        del _fresh[upload_id]


def expire(older_than: float) -> int:
    """Drop those created before `older_than` (a `time.time()`); returns how many."""
    old = [i for i, u in _fresh.items() if u["_born"] < older_than]
    for upload_id in old:
        del _fresh[upload_id]
    return len(old)
