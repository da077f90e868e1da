"""What the executor's device still holds (SPEC §10): the `Rundun-Device` header of every executor request,
kept on the run as its latest `device` state and announced as a `run.device` event for live monitors.

Cheap on the hot executor paths: a header that says what the run already shows costs no write, unless
the stored contact is older than `CONTACT_EVERY` (so "last contact" stays true to the minute). A malformed
header or field is ignored, never an error (the request goes on as if it had not been sent).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import timedelta
from typing import Any

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


def news(run: dict, header: str | None) -> dict | None:
    """The fields of a request's header worth writing for `run` (as read when the request arrived), or None."""
    fields = parse_device(header)
    if not fields or not _news(run, fields, now_iso()):
        return None
    return fields


async def note(ctx: Context, run: dict, header: str | None) -> None:
    """Keep the device state a request's header reports for `run` (as read when the request arrived)."""
    fields = news(run, header)
    if fields:
        await ctx.db.write(_note_job, run["id"], fields)


class Note:
    """A request's device news, written by the request's own write job (`ride`) when it makes one, else on
    its own once the request is done (`flush`). Issue 16: a tus request noted the device in a commit of its
    own and then committed its upload in another, two fsyncs for every photo where one suffices."""

    def __init__(self, run: dict, header: str | None):
        self.run_id = run["id"]
        self.fields = news(run, header)

    def ride(self, job: Callable[..., Any]) -> Callable[..., Any]:
        """`job` followed, in the same savepoint, by the note (once: a later job of the request skips it)."""
        if not self.fields:
            return job

        def with_note(conn: sqlite3.Connection, *args: Any) -> Any:
            result = job(conn, *args)
            self.write(conn)  # last: had `job` raised, its savepoint would have undone the note with it
            return result

        return with_note

    def write(self, conn: sqlite3.Connection, current: dict | None = None, also: dict | None = None) -> bool:
        """Inside a write job, once its other writes are done (once: a later job of the request skips it).
        `current`: the run as this transaction holds it, when the job has it at hand (a photo's attach: issue
        16, the note's own read was a round trip per photo on PostgreSQL, whose every request reports a new
        pending count while a backlog drains). `also`: columns of the run the job changed and has not written
        yet, written in the note's UPDATE. Returns whether that UPDATE was made (else `also` is the job's
        to write)."""
        fields, self.fields = self.fields, None
        if not fields:
            return False
        return _note_job(conn, self.run_id, fields, current, also)

    async def flush(self, ctx: Context) -> None:
        """The note, unless a write job of the request took it (a refused request is still a contact)."""
        fields, self.fields = self.fields, None
        if fields:
            await ctx.db.write(_note_job, self.run_id, fields)


def _note_job(
    conn: sqlite3.Connection, run_id: str, fields: dict, current: dict | None = None, also: dict | None = None
) -> bool:
    """A change moves `updated_at` (the runs list's "changed since", which live monitors poll by) and is a
    `run.device` event; a contact that only refreshes the time is neither, so an idle device's periodic
    checks never make its run look freshly updated. `current`, `also`, the result: see `Note.write`."""
    now = now_iso()
    if current is None:
        current = run_store.get_run(conn, run_id, snapshot=False)
    if current is None or not _news(current, fields, now):  # another request said it meanwhile
        return False
    if not (_changes(current, fields) or current["device_contact_at"] is None):
        device_store.set_device(conn, run_id, now, fields, also=also)
        return True
    # The run as it now stands, built here rather than read back (a round trip per photo on PostgreSQL).
    fresh = {**current, **device_store.set_device(conn, run_id, now, fields, updated_at=now, also=also)}
    runs.emit(conn, fresh, DEVICE_EVENT, {"status": fresh["status"], "device": device_of(fresh)})
    return True
