"""The executor's local store (SPEC §8): opened runs with their snapshot and token, the answers, the photos
(content-addressed files with their SHA-256) and an outbox of operations in order, in one SQLite file.

Every executor action is ONE transaction that changes the local answer (or photo) and appends its outbox
op, so the screen can confirm it as soon as `commit` returns: WAL with `synchronous=FULL` keeps it across a
crash or power loss. Photo bytes are written (temp file, fsync, rename) before the row that names them.

One module per job, as the server's store is split: `schema` (tables, states), `base` (the connection,
transactions), `runs`, `answers`, `photos` (rows), `intake` (photos chosen, not kept yet) and `files` (the photo files), `outbox`, `export`;
`LocalStore` joins them. No Qt and no HTTP here: the runner (GUI thread) and the sync engine (its own thread, its own connection)
each open a `LocalStore` on the same file. Pure SQLite; safe to use from one thread at a time.
"""

from __future__ import annotations

from rundun_desktop.executor.store.disk import DISK_FULL, is_disk_full
from rundun_desktop.executor.store.export import Exporter
from rundun_desktop.executor.store.files import (
    IMAGE_EXTENSIONS,
    StoredPhoto,
    sniff_image,
    write_photo,
    write_photo_file,
)
from rundun_desktop.executor.store.intake import Intake, stage_bytes
from rundun_desktop.executor.store.rows import Op, StoreError, now_iso
from rundun_desktop.executor.store.schema import (
    ANSWER,
    ASIDE,
    BLOCKED,
    BUSY_TIMEOUT_MS,
    COMPLETE,
    COMPLETED,
    COMPLETING,
    DB_NAME,
    DELETE_PHOTO,
    EXIT,
    EXITED,
    EXITING,
    FAILED,
    FINISHED,
    HELD,
    OPEN,
    PENDING,
    PHOTO,
    REFUSED,
    SIGNATURE,
    SIGNATURE_STEP,
    schema_migrations,
)


class LocalStore(Exporter):
    """One connection to the executor store at `root`: every job of the store's modules, on it."""


__all__ = [
    "ANSWER",
    "ASIDE",
    "BLOCKED",
    "BUSY_TIMEOUT_MS",
    "COMPLETE",
    "COMPLETED",
    "COMPLETING",
    "DB_NAME",
    "DELETE_PHOTO",
    "DISK_FULL",
    "EXIT",
    "EXITED",
    "EXITING",
    "FAILED",
    "FINISHED",
    "HELD",
    "IMAGE_EXTENSIONS",
    "OPEN",
    "PENDING",
    "PHOTO",
    "REFUSED",
    "SIGNATURE",
    "SIGNATURE_STEP",
    "Intake",
    "LocalStore",
    "Op",
    "StoreError",
    "StoredPhoto",
    "is_disk_full",
    "now_iso",
    "schema_migrations",
    "sniff_image",
    "stage_bytes",
    "write_photo",
    "write_photo_file",
]
