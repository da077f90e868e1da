"""One connection to the executor store: opening it (WAL, `synchronous=FULL`, migrations), transactions,
and the two steps every executor action shares (the run must be open; the change joins the outbox)."""

from __future__ import annotations

import contextlib
import sqlite3
import uuid
from collections.abc import Iterator
from pathlib import Path

from PySide6.QtCore import QCoreApplication

import rundun_migrations
from rundun_desktop.executor.store.rows import Op, StoreError, dumps, now_iso
from rundun_desktop.executor.store.schema import (
    BUSY_TIMEOUT_MS,
    COMPLETED,
    COMPLETING,
    DB_NAME,
    OPEN,
    PENDING,
    REFUSED,
    schema_migrations,
)

# What a store written by a newer app says (SchemaTooNew): its runs stay untouched in the file.
NEWER_STORE = "install the newer Rundun again"


class StoreBase:
    """One connection to the executor store at `root` (created with its folders on first use)."""

    def __init__(self, root: Path):
        self.root = Path(root)
        self.photos_dir = self.root / "photos"
        self.photos_dir.mkdir(parents=True, exist_ok=True)
        self.conn = sqlite3.connect(self.root / DB_NAME, isolation_level=None, check_same_thread=False)
        self.conn.row_factory = sqlite3.Row
        self.conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        self.conn.execute("PRAGMA journal_mode = WAL")
        self.conn.execute("PRAGMA synchronous = FULL")
        self.conn.execute("PRAGMA foreign_keys = ON")
        # The server's WAL rule (issue 21): one connection, so SQLite's own automatic checkpoints reset the
        # WAL; the file is cut back to 4 MB at each reset and truncated to nothing on close.
        self.conn.execute(f"PRAGMA journal_size_limit = {4 << 20}")
        try:
            self._migrate()
        except rundun_migrations.SchemaTooNew as exc:
            self.conn.close()
            raise StoreError(
                QCoreApplication.translate(
                    "store", "The runs on this computer were saved by a newer Rundun ({0})."
                ).format(exc)
            ) from None

    def close(self) -> None:
        with contextlib.suppress(sqlite3.Error):
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.close()

    # -- plumbing ------------------------------------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self, *, durable: bool = True) -> Iterator[sqlite3.Connection]:
        """`BEGIN IMMEDIATE` … `COMMIT`: durable once the block exits without an exception.

        `durable=False` commits without its own fsync (WAL, `synchronous=NORMAL`): atomic and kept across an
        app crash, and made durable by the next durable commit; only a power cut before that can undo it. For
        what the server makes good anyway (an upload's URL kept to resume it, an acknowledgement the server
        would repeat): losing it costs a resend, never data, and it saves the sync engine an fsync per photo."""
        if not durable:
            self.conn.execute("PRAGMA synchronous = NORMAL")
        try:
            self.conn.execute("BEGIN IMMEDIATE")
            try:
                yield self.conn
            except BaseException:
                self.conn.execute("ROLLBACK")
                raise
            self.conn.execute("COMMIT")
        finally:
            if not durable:
                self.conn.execute("PRAGMA synchronous = FULL")

    def _migrate(self) -> None:
        """The numbered migrations not yet recorded in `migrations`, each in its own transaction. A store of
        an older version counted them in `PRAGMA user_version`: that count is taken over first, once."""
        rundun_migrations.adopt_user_version(self.conn, schema_migrations())
        rundun_migrations.migrate_sqlite(self.conn, schema_migrations(), NEWER_STORE)

    def schema_version(self) -> int:
        """The newest migration recorded in this store."""
        return self.conn.execute("SELECT coalesce(max(id), 0) FROM migrations").fetchone()[0]

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    def _require_open(self, conn: sqlite3.Connection, run_id: str) -> None:
        row = conn.execute("SELECT local_state FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise StoreError(not_here_words())
        if row[0] != OPEN:
            raise StoreError(closed_words(row[0]))

    def _append(
        self,
        conn: sqlite3.Connection,
        run_id: str,
        kind: str,
        body: dict,
        *,
        step_id: str | None = None,
        photo_index: int | None = None,
        size: int = 0,
    ) -> Op:
        op_id = f"op_{uuid.uuid4().hex}"
        cur = conn.execute(
            "INSERT INTO outbox (run_id, op_id, kind, step_id, photo_index, body, bytes, created_at)"
            " VALUES (?,?,?,?,?,?,?,?)",
            (run_id, op_id, kind, step_id, photo_index, dumps(body), size, now_iso()),
        )
        return Op(
            cur.lastrowid or 0, run_id, op_id, kind, step_id, photo_index, body, size, PENDING, None, 0, None
        )


def not_here_words() -> str:
    return QCoreApplication.translate("store", "This run is not on this computer.")


def closed_words(local_state: str) -> str:
    """Why a run here takes no more changes, by its state on this computer, in the app's language."""
    if local_state == COMPLETING:
        return QCoreApplication.translate("store", "This run is being completed: it takes no more changes.")
    if local_state == COMPLETED:
        return QCoreApplication.translate("store", "This run is completed: it takes no more changes.")
    if local_state == REFUSED:
        return QCoreApplication.translate(
            "store", "The server refused this run: it takes no more changes here. You can export it."
        )
    return QCoreApplication.translate("store", "This run takes no more changes ({0}).").format(local_state)
