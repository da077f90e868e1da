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


def _changes(run: dict, fields: dict) -> bool:
    """Whether the header says something the run does not show yet."""
    return any(run.get(f"device_{name}") != value for name, value in fields.items())


def _news(run: dict, fields: dict, now: str) -> bool:
    """Whether this contact is worth a write: a change, or the stored contact is getting old."""
    if _changes(run, fields):
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
    """A change moves `updated_at` (the runs list's "changed since", which live monitors poll by) and is a
    `run.device` event; a contact that only refreshes the time is neither, so an idle device's periodic
    checks never make its run look freshly updated."""
    now = now_iso()
    current = run_store.get_run(conn, run_id, snapshot=False)
    if current is None or not _news(current, fields, now):  # another request said it meanwhile
        return
    device_store.set_device(conn, run_id, now, fields)
    if not (_changes(current, fields) or current["device_contact_at"] is None):
        return
    run_store.update_run(conn, run_id, {"updated_at": now})
    fresh = run_store.get_run(conn, run_id, snapshot=False)
    assert fresh is not None
    runs.emit(conn, fresh, DEVICE_EVENT, {"status": fresh["status"], "device": device_of(fresh)})
