"""The latest device state an executor reported for a run (`Rundun-Device`, SPEC §10; migration 0009)."""

from __future__ import annotations

import sqlite3

DEVICE_COLUMNS = "device_contact_at, device_pending_ops, device_pending_bytes, device_failed_ops, device_app"
FIELDS = ("pending_ops", "pending_bytes", "failed_ops", "app")


def set_device(conn: sqlite3.Connection, run_id: str, contact_at: str, fields: dict) -> None:
    """Record a contact: the time always, each field only when given (a field left out keeps its value)."""
    given = [name for name in FIELDS if name in fields]
    assignments = ", ".join(["device_contact_at = ?", *(f"device_{name} = ?" for name in given)])
    conn.execute(
        f"UPDATE runs SET {assignments} WHERE id = ?", (contact_at, *(fields[name] for name in given), run_id)
    )


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
