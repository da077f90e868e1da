"""What the executor's device still holds (SPEC §10): the `Rundun-Device` header of every executor request,
kept on the run as its latest `device` state and announced as a `run.device` event for live monitors.

Cheap on the hot executor paths: a header that says what the run already shows costs no write, unless
the stored contact is older than `CONTACT_EVERY` (so "last contact" stays true to the minute). A malformed
header or field is ignored, never an error (the request goes on as if it had not been sent).
"""

from __future__ import annotations

import sqlite3
from datetime import timedelta

from server.clock import now_iso, parse_iso
from server.services import runs
from server.services.context import Context
from server.store import device as device_store
from server.store import runs as run_store
from server.tdl.device import parse_device

CONTACT_EVERY = timedelta(seconds=60)
DEVICE_EVENT = (
    "run.device"  # on the event stream only: no webhook subscribes to it (store.events.EVENT_TYPES)
)

device_of = device_store.device_of


def _news(run: dict, fields: dict, now: str) -> bool:
    """Whether this contact changes what the run shows."""
    if any(run.get(f"device_{name}") != value for name, value in fields.items()):
        return True
    contact = run.get("device_contact_at")
    return contact is None or parse_iso(now) - parse_iso(contact) >= CONTACT_EVERY


async def note(ctx: Context, run: dict, header: str | None) -> None:
    """Keep the device state a request's header reports for `run` (as read when the request arrived)."""
    fields = parse_device(header)
    if not fields or not _news(run, fields, now_iso()):
        return
    await ctx.db.write(_note_job, run["id"], fields)


def _note_job(conn: sqlite3.Connection, run_id: str, fields: dict) -> None:
    now = now_iso()
    current = run_store.get_run(conn, run_id, snapshot=False)
    if current is None or not _news(current, fields, now):  # another request said it meanwhile
        return
    device_store.set_device(conn, run_id, now, fields)
    fresh = run_store.get_run(conn, run_id, snapshot=False)
    assert fresh is not None
    runs.emit(conn, fresh, DEVICE_EVENT, {"status": fresh["status"], "device": device_of(fresh)})
