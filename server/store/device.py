"""The latest device state an executor reported for a run (`Rundun-Device`, SPEC §10; migration 0009)."""

from __future__ import annotations

import sqlite3

from server.store.rows import execute_later

DEVICE_COLUMNS = "device_contact_at, device_pending_ops, device_pending_bytes, device_failed_ops, device_app"
FIELDS = ("pending_ops", "pending_bytes", "failed_ops", "app")


def set_device(
    conn: sqlite3.Connection,
    run_id: str,
    contact_at: str,
    fields: dict,
    *,
    updated_at: str | None = None,
    also: dict | None = None,
) -> dict:
    """Record a contact: the time always, each field only when given (a field left out keeps its value), and
    `updated_at` when given; `also`: other columns of the run (plain values) to write in the same UPDATE.
    Returns the columns written. Sent with the job's next statement on PostgreSQL (issue 16: a round trip per
    photo of a drain, whose every request reports a new pending count)."""
    written = {
        **(also or {}),
        "device_contact_at": contact_at,
        **{f"device_{name}": fields[name] for name in FIELDS if name in fields},
    }
    if updated_at is not None:
        written["updated_at"] = updated_at
    assignments = ", ".join(f"{column} = ?" for column in written)
    execute_later(conn, f"UPDATE runs SET {assignments} WHERE id = ?", (*written.values(), run_id))
    return written


def device_of(run: dict) -> dict | None:
    """The run's `device` document, or None when no executor ever sent the header for it."""
    if run.get("device_contact_at") is None:
        return None
    return {
        "last_contact_at": run["device_contact_at"],
        "pending_ops": run["device_pending_ops"],
        "pending_bytes": run["device_pending_bytes"],
        "failed_ops": run["device_failed_ops"],
        "app": run["device_app"],
    }
