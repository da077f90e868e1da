"""A run's `device` (SPEC §10) in the words a supervisor reads: the runs table's badge ("2 changes · 14 MB on
the device"), its colour, and the detail pane's sentence that explains what it means for this run.

The server keeps what the executor's `Rundun-Device` header last said: how many changes the device still
holds for the run, their bytes, how many the server refused, and when it last heard from it.
"""

from __future__ import annotations

from datetime import UTC, datetime

from PySide6.QtCore import QCoreApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.words import Counts

STALE_AFTER_S = 3600  # a contact older than this is named in the badge: the device may be offline
WAITING, FAILED, QUIET = "#b26a00", "#c92a2a", "#8a93a6"


def _changes(n: int) -> str:
    return fmt.count(n, "change")


def _size(n: int | None) -> str:
    return fmt.megabytes(n) if n and n >= 10_000 else ""


def waiting(device: dict | None) -> bool:
    """Whether the device still holds changes for the run ("waiting on a device")."""
    return bool(device and (device.get("pending_ops") or 0) > 0)


def _contact_age(device: dict, now: datetime | None) -> float | None:
    contact = fmt.parse_time(device.get("last_contact_at"))
    if contact is None:
        return None
    return ((now or datetime.now(UTC)) - contact).total_seconds()


def badge(device: dict | None, now: datetime | None = None) -> str:
    """The table cell: empty for a run never heard from, else what is left on the device."""
    if not device:
        return ""
    pending, failed = device.get("pending_ops") or 0, device.get("failed_ops") or 0
    parts = []
    if pending:
        size = _size(device.get("pending_bytes"))
        parts.append(
            QCoreApplication.translate("device_words", "{0} · {1} on the device").format(
                _changes(pending), size
            )
            if size
            else QCoreApplication.translate("device_words", "{0} on the device").format(_changes(pending))
        )
    if failed:
        parts.append(Counts.tr("%Ln failed", "", failed))
    if not parts:
        parts.append(QCoreApplication.translate("device_words", "All sent"))
    age = _contact_age(device, now)
    if (pending or failed) and age is not None and age >= STALE_AFTER_S:
        contact = fmt.relative_time(device["last_contact_at"], now)
        parts.append(QCoreApplication.translate("device_words", "last contact {0}").format(contact))
    return " · ".join(parts)


def colour(device: dict | None) -> str | None:
    if not device:
        return None
    if device.get("failed_ops"):
        return FAILED
    return WAITING if waiting(device) else QUIET


def explained(device: dict | None, now: datetime | None = None) -> str:
    """The detail pane's paragraph: what the device holds, what that means for this run, and since when."""
    if not device:
        return QCoreApplication.translate(
            "device_words",
            "No device has reported on this run yet (it was never opened by the desktop app, or by an app that does not say what it still holds).",
        )
    pending, failed = device.get("pending_ops") or 0, device.get("failed_ops") or 0
    contact = fmt.relative_time(device.get("last_contact_at"), now)
    app = f" ({device['app']})" if device.get("app") else ""
    words = []
    if pending:
        size = _size(device.get("pending_bytes"))
        words.append(
            Counts.tr(
                "%Ln change(s){0} still on the executor's device{1}, not yet on the server: this run shows less than was done, and they arrive when the device is online again.",
                "",
                pending,
            ).format(f" ({size})" if size else "", app)
        )
    else:
        words.append(
            QCoreApplication.translate(
                "device_words", "The executor's device{0} had sent everything it held for this run."
            ).format(app)
        )
    if failed:
        words.append(
            QCoreApplication.translate(
                "device_words",
                "{0} refused by the server and kept on the device for the executor to fix.",
            ).format(_changes(failed))
        )
    words.append(
        QCoreApplication.translate("device_words", "Last contact {0} ({1}).").format(
            contact, fmt.local_time(device.get("last_contact_at"))
        )
    )
    return " ".join(words)
