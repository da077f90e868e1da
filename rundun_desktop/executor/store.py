"""The executor's local store (SPEC §8): opened runs with their snapshot and token, the answers, the photos
(content-addressed files with their SHA-256) and an outbox of operations in order, in one SQLite file.

Every executor action is ONE transaction that changes the local answer (or photo) and appends its outbox
op, so the screen can confirm it as soon as `commit` returns: WAL with `synchronous=FULL` keeps it across a
crash or power loss. Photo bytes are written (temp file, fsync, rename) before the row that names them.

No Qt and no HTTP here: the runner (GUI thread) and the sync engine (its own thread, its own connection)
each open a `LocalStore` on the same file. Pure SQLite; safe to use from one thread at a time.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from server import tdl

SIGNATURE_STEP = tdl.SIGNATURE_STEP  # the run-level signature, as the server names it
DB_NAME = "executor.db"
BUSY_TIMEOUT_MS = 10_000

# local_state of a run
OPEN, COMPLETING, COMPLETED, EXITING, EXITED, REFUSED = (
    "open",
    "completing",
    "completed",
    "exiting",
    "exited",
    "refused",
)
FINISHED = (COMPLETED, EXITED, REFUSED)

# outbox op kinds and states
ANSWER, PHOTO, DELETE_PHOTO, SIGNATURE, COMPLETE, EXIT = (
    "answer",
    "photo",
    "delete_photo",
    "signature",
    "complete",
    "exit",
)
PENDING, FAILED, BLOCKED = "pending", "failed", "blocked"

MIGRATIONS: list[str] = [
    # 1: the first schema
    """
    CREATE TABLE runs (
        run_id TEXT PRIMARY KEY,
        base_url TEXT NOT NULL,
        token TEXT NOT NULL,
        snapshot TEXT NOT NULL,
        template_name TEXT NOT NULL,
        identity TEXT,
        expires_at TEXT,
        server_status TEXT NOT NULL,
        server_progress TEXT,
        local_state TEXT NOT NULL DEFAULT 'open',
        refusal TEXT,
        attention TEXT,
        last_error TEXT,
        opened_at TEXT NOT NULL,
        synced_at TEXT
    );
    CREATE TABLE answers (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        value TEXT,
        geo TEXT,
        skipped INTEGER NOT NULL DEFAULT 0,
        at TEXT NOT NULL,
        at_ms INTEGER NOT NULL,
        PRIMARY KEY (run_id, step_id)
    );
    CREATE TABLE photos (
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        step_id TEXT NOT NULL,
        photo_index INTEGER NOT NULL,
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        content_type TEXT NOT NULL,
        file TEXT,
        created_at TEXT NOT NULL,
        PRIMARY KEY (run_id, step_id, photo_index)
    );
    CREATE TABLE outbox (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id TEXT NOT NULL REFERENCES runs(run_id) ON DELETE CASCADE,
        op_id TEXT NOT NULL UNIQUE,
        kind TEXT NOT NULL,
        step_id TEXT,
        photo_index INTEGER,
        body TEXT NOT NULL,
        bytes INTEGER NOT NULL DEFAULT 0,
        state TEXT NOT NULL DEFAULT 'pending',
        upload_url TEXT,
        upload_offset INTEGER NOT NULL DEFAULT 0,
        error TEXT,
        created_at TEXT NOT NULL
    );
    CREATE INDEX outbox_by_run ON outbox (run_id, state, seq);
    """,
    # 2: a run is bound to its server's identity (the organisation it belongs to), not only to an address:
    # the embedded server's port may change, and its runs follow it (`move_server`). Runs kept by an older
    # version have none; the app binds them when their server answers for them (`bind_server`).
    """
    ALTER TABLE runs ADD COLUMN server_id TEXT;
    CREATE INDEX runs_by_server ON runs (server_id);
    """,
]

IMAGE_EXTENSIONS = {
    "image/jpeg": "jpg",
    "image/png": "png",
    "image/webp": "webp",
    "image/heic": "heic",
    "image/heif": "heif",
}


def sniff_image(head: bytes) -> str | None:
    """The image type the server will accept, from the first bytes, or None: the server's own rule
    (`server.tdl.sniff_image`), applied before a photo is accepted so the server never has to refuse one."""
    return tdl.sniff_image(head)


def now_iso(ms: int | None = None) -> str:
    """ISO 8601 UTC with milliseconds: the server orders answers by `at` to the millisecond."""
    ms = int(time.time() * 1000) if ms is None else ms
    return time.strftime("%Y-%m-%dT%H:%M:%S", time.gmtime(ms / 1000)) + f".{ms % 1000:03d}Z"


def _dumps(value: Any) -> str:
    return json.dumps(value, separators=(",", ":"), ensure_ascii=False)


def _loads(text: str | None) -> Any:
    return None if text is None else json.loads(text)


@dataclass(frozen=True)
class StoredPhoto:
    """A photo file in the store, ready to attach (written and fsynced; no row names it yet)."""

    sha256: str
    bytes: int
    content_type: str
    file: str  # relative to the store's root


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


class LocalStore:
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
        self._migrate()

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
        """Numbered migrations, recorded in `PRAGMA user_version`; each applies in its own transaction."""
        with self.transaction() as conn:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            for number, script in enumerate(MIGRATIONS[version:], start=version + 1):
                for statement in filter(str.strip, script.split(";")):
                    conn.execute(statement)
                conn.execute(f"PRAGMA user_version = {number}")

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def integrity_check(self) -> str:
        return self.conn.execute("PRAGMA integrity_check").fetchone()[0]

    # -- runs ----------------------------------------------------------------------------------------------------
    def add_run(self, base_url: str, opened: dict, token: str, server_id: str | None = None) -> None:
        """Keep a run just opened (`POST /open`'s answer): snapshot, token and what the server holds already.
        `server_id`: the identity of the server it was opened on, when known (its runs follow its address)."""
        run_id = opened["run_id"]
        snapshot = opened["template"]
        with self.transaction() as conn:
            conn.execute(
                "INSERT OR REPLACE INTO runs (run_id, base_url, server_id, token, snapshot, template_name, identity,"
                " expires_at, server_status, server_progress, opened_at, synced_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
                (
                    run_id,
                    base_url.rstrip("/"),
                    server_id,
                    token,
                    _dumps(snapshot),
                    snapshot.get("name", run_id),
                    _dumps(opened.get("executor_identity")),
                    opened.get("expires_at"),
                    opened.get("status", "pending"),
                    _dumps(opened.get("progress")),
                    now_iso(),
                    now_iso(),
                ),
            )
            for step_id, answer in (opened.get("answers") or {}).items():
                self._adopt_server_answer(conn, run_id, step_id, answer)
            for photo in opened.get("photos") or []:  # on the server only: counted, not shown
                conn.execute(
                    "INSERT OR IGNORE INTO photos (run_id, step_id, photo_index, sha256, bytes, content_type, file,"
                    " created_at) VALUES (?,?,?,?,?,?,NULL,?)",
                    (
                        run_id,
                        photo["step_id"],
                        photo["photo_index"],
                        photo["sha256"],
                        photo["bytes"],
                        "",
                        now_iso(),
                    ),
                )

    def _adopt_server_answer(self, conn: sqlite3.Connection, run_id: str, step_id: str, answer: dict) -> None:
        at = answer.get("at") or now_iso()
        conn.execute(
            "INSERT OR REPLACE INTO answers (run_id, step_id, value, geo, skipped, at, at_ms) VALUES (?,?,?,?,?,?,?)",
            (
                run_id,
                step_id,
                _dumps(answer.get("value")),
                _dumps(answer.get("geo")),
                int(bool(answer.get("skipped"))),
                at,
                _ms_of(at),
            ),
        )

    # -- servers -------------------------------------------------------------------------------------------------
    def move_server(self, server_id: str, base_url: str) -> list[str]:
        """The server `server_id` now answers at `base_url`: its runs (and their unfinished tus uploads,
        whose URLs name the address) follow. Returns the runs that moved."""
        base_url = base_url.rstrip("/")
        with self.transaction() as conn:
            moved = conn.execute(
                "SELECT run_id, base_url FROM runs WHERE server_id = ? AND base_url != ?",
                (server_id, base_url),
            ).fetchall()
            for run_id, old in moved:
                self._rebase(conn, run_id, old, base_url)
        return [row[0] for row in moved]

    def bind_server(self, run_id: str, server_id: str, base_url: str) -> None:
        """A run without an identity (opened by an older version) turned out to be on `server_id`, which
        answers at `base_url`: bind it there (the upgrade path of runs left pointing at an old port)."""
        base_url = base_url.rstrip("/")
        with self.transaction() as conn:
            row = conn.execute("SELECT base_url FROM runs WHERE run_id = ?", (run_id,)).fetchone()
            if row is None:
                return
            conn.execute("UPDATE runs SET server_id = ? WHERE run_id = ?", (server_id, run_id))
            self._rebase(conn, run_id, row[0], base_url)

    def _rebase(self, conn: sqlite3.Connection, run_id: str, old: str, new: str) -> None:
        conn.execute("UPDATE runs SET base_url = ?, last_error = NULL WHERE run_id = ?", (new, run_id))
        conn.execute(
            "UPDATE outbox SET upload_url = ? || substr(upload_url, ?) WHERE run_id = ? AND substr(upload_url, 1, ?) = ?",
            (new, len(old) + 1, run_id, len(old), old),
        )

    def unbound_runs(self) -> list[dict]:
        """Runs with no server identity that still have something to do (their address may be stale)."""
        marks = ",".join("?" * len(FINISHED))
        rows = self.conn.execute(
            f"SELECT run_id, base_url, token FROM runs WHERE server_id IS NULL AND local_state NOT IN ({marks})",
            FINISHED,
        ).fetchall()
        return [dict(row) for row in rows]

    def has_run(self, run_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM runs WHERE run_id = ?", (run_id,)).fetchone() is not None

    def run(self, run_id: str) -> dict | None:
        row = self.conn.execute("SELECT * FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        return None if row is None else _run_dict(row)

    def runs(self) -> list[dict]:
        """Every run with its outbox counts (`pending_ops`, `pending_bytes`, `failed_ops`), newest first."""
        rows = self.conn.execute(
            "SELECT r.*, COALESCE(SUM(o.state = 'pending'), 0) AS pending_ops,"
            " COALESCE(SUM(CASE WHEN o.state = 'pending' THEN o.bytes - o.upload_offset END), 0) AS pending_bytes,"
            " COALESCE(SUM(o.state = 'failed'), 0) AS failed_ops"
            " FROM runs r LEFT JOIN outbox o ON o.run_id = r.run_id GROUP BY r.run_id ORDER BY r.opened_at DESC"
        ).fetchall()
        return [_run_dict(row) for row in rows]

    def update_run(self, run_id: str, **fields: Any) -> None:
        self.acknowledge(run_id, [], **fields)

    def remove_run(self, run_id: str) -> None:
        """Forget a run on this computer (its photo files too, unless another run shares them)."""
        with self.transaction() as conn:
            files = [
                r[0]
                for r in conn.execute(
                    "SELECT file FROM photos WHERE run_id = ? AND file IS NOT NULL", (run_id,)
                )
            ]
            conn.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))
        self._collect(files)

    # -- answers -------------------------------------------------------------------------------------------------
    def answers(self, run_id: str) -> dict[str, dict]:
        """The run's answer map as `server.tdl` reads it: `{step_id: {value, geo, skipped, at, photos}}`."""
        out: dict[str, dict] = {}
        for row in self.conn.execute("SELECT * FROM answers WHERE run_id = ?", (run_id,)):
            out[row["step_id"]] = {
                "value": _loads(row["value"]),
                "geo": _loads(row["geo"]),
                "skipped": bool(row["skipped"]),
                "at": row["at"],
                "photos": [],
            }
        for photo in self.photos(run_id):
            entry = out.setdefault(
                photo["step_id"], {"value": None, "geo": None, "skipped": False, "at": None, "photos": []}
            )
            entry["photos"].append(photo)
        return out

    def set_answer(
        self, run_id: str, step_id: str, value: Any, *, geo: Any = None, skipped: bool = False
    ) -> Op:
        """Record an answer and queue it, in one transaction. An older unsent op for the step is superseded
        (the server keeps the latest `at` anyway), so a step edited ten times offline syncs once."""
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            previous = conn.execute(
                "SELECT at_ms FROM answers WHERE run_id = ? AND step_id = ?", (run_id, step_id)
            ).fetchone()
            # Never older than the previous answer, even if the clock stepped back: the server keeps the latest.
            at_ms = max(int(time.time() * 1000), (previous[0] + 1) if previous else 0)
            at = now_iso(at_ms)
            conn.execute(
                "INSERT OR REPLACE INTO answers (run_id, step_id, value, geo, skipped, at, at_ms)"
                " VALUES (?,?,?,?,?,?,?)",
                (run_id, step_id, _dumps(value), _dumps(geo), int(skipped), at, at_ms),
            )
            conn.execute(
                "DELETE FROM outbox WHERE run_id = ? AND kind = ? AND step_id = ? AND state != ?",
                (run_id, ANSWER, step_id, BLOCKED),
            )
            body = {"step_id": step_id, "value": value, "geo": geo, "at": at, "skipped": skipped}
            return self._append(conn, run_id, ANSWER, body, step_id=step_id, size=len(_dumps(body)))

    # -- photos --------------------------------------------------------------------------------------------------
    def photos(self, run_id: str, step_id: str | None = None) -> list[dict]:
        sql, args = "SELECT * FROM photos WHERE run_id = ?", [run_id]
        if step_id is not None:
            sql, args = sql + " AND step_id = ?", [run_id, step_id]
        rows = self.conn.execute(sql + " ORDER BY step_id, photo_index", args).fetchall()
        return [
            {
                "step_id": r["step_id"],
                "photo_index": r["photo_index"],
                "sha256": r["sha256"],
                "bytes": r["bytes"],
                "content_type": r["content_type"],
                "path": str(self.root / r["file"]) if r["file"] else None,
            }
            for r in rows
        ]

    def add_photo(
        self,
        run_id: str,
        step_id: str,
        photo: StoredPhoto,
        index: int | None = None,
        limit: int | None = None,
    ) -> tuple[int, Op]:
        """Attach a stored photo to the step's first free slot (or `index`) and queue its upload."""
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            if index is None:
                used = {
                    r[0]
                    for r in conn.execute(
                        "SELECT photo_index FROM photos WHERE run_id = ? AND step_id = ?", (run_id, step_id)
                    )
                }
                index = next(i for i in range(len(used) + 1) if i not in used)
            if limit is not None and index >= limit:
                raise StoreError(f"This step takes at most {limit} photo{'s' if limit != 1 else ''}.")
            replaced = conn.execute(
                "SELECT file FROM photos WHERE run_id = ? AND step_id = ? AND photo_index = ?",
                (run_id, step_id, index),
            ).fetchone()
            conn.execute(
                "INSERT OR REPLACE INTO photos (run_id, step_id, photo_index, sha256, bytes, content_type, file,"
                " created_at) VALUES (?,?,?,?,?,?,?,?)",
                (
                    run_id,
                    step_id,
                    index,
                    photo.sha256,
                    photo.bytes,
                    photo.content_type,
                    photo.file,
                    now_iso(),
                ),
            )
            self._drop_slot_ops(conn, run_id, step_id, index)
            kind = SIGNATURE if step_id == SIGNATURE_STEP else PHOTO
            body = {
                "step_id": step_id,
                "photo_index": index,
                "sha256": photo.sha256,
                "file": photo.file,
                "content_type": photo.content_type,
            }
            op = self._append(conn, run_id, kind, body, step_id=step_id, photo_index=index, size=photo.bytes)
        if replaced and replaced[0] and replaced[0] != photo.file:
            self._collect([replaced[0]])
        return index, op

    def remove_photo(self, run_id: str, step_id: str, index: int) -> Op:
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            row = conn.execute(
                "SELECT file FROM photos WHERE run_id = ? AND step_id = ? AND photo_index = ?",
                (run_id, step_id, index),
            ).fetchone()
            if row is None:
                raise StoreError("There is no photo there any more.")
            conn.execute(
                "DELETE FROM photos WHERE run_id = ? AND step_id = ? AND photo_index = ?",
                (run_id, step_id, index),
            )
            self._drop_slot_ops(conn, run_id, step_id, index)
            op = self._append(
                conn,
                run_id,
                DELETE_PHOTO,
                {"step_id": step_id, "photo_index": index},
                step_id=step_id,
                photo_index=index,
            )
        if row[0]:
            self._collect([row[0]])
        return op

    def _drop_slot_ops(self, conn: sqlite3.Connection, run_id: str, step_id: str, index: int) -> None:
        """A newer photo (or a removal) supersedes unsent ones for the same slot."""
        conn.execute(
            "DELETE FROM outbox WHERE run_id = ? AND step_id = ? AND photo_index = ? AND kind IN (?,?,?)",
            (run_id, step_id, index, PHOTO, SIGNATURE, DELETE_PHOTO),
        )

    def _collect(self, files: list[str]) -> None:
        """Delete photo files no row names any more (files are shared by content)."""
        for relative in set(files):
            used = self.conn.execute("SELECT 1 FROM photos WHERE file = ? LIMIT 1", (relative,)).fetchone()
            if used is None:
                (self.root / relative).unlink(missing_ok=True)

    # -- finishing -----------------------------------------------------------------------------------------------
    def request_complete(self, run_id: str) -> Op:
        """Queue `complete`, last; the run takes no more changes (check `completion_problems` first)."""
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            conn.execute("DELETE FROM outbox WHERE run_id = ? AND kind = ?", (run_id, COMPLETE))
            conn.execute(
                "UPDATE runs SET local_state = ?, attention = NULL WHERE run_id = ?", (COMPLETING, run_id)
            )
            return self._append(conn, run_id, COMPLETE, {"at": now_iso()})

    def request_exit(self, run_id: str, reason: str | None) -> Op:
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            conn.execute("UPDATE runs SET local_state = ? WHERE run_id = ?", (EXITING, run_id))
            return self._append(conn, run_id, EXIT, {"reason": reason or None})

    def reopen(self, run_id: str, attention: str) -> None:
        """The server refused `complete` (or an earlier change): editable again, with the reason shown."""
        with self.transaction() as conn:
            conn.execute(
                "UPDATE runs SET local_state = ?, attention = ? WHERE run_id = ? AND local_state = ?",
                (OPEN, attention, run_id, COMPLETING),
            )

    def _require_open(self, conn: sqlite3.Connection, run_id: str) -> None:
        row = conn.execute("SELECT local_state FROM runs WHERE run_id = ?", (run_id,)).fetchone()
        if row is None:
            raise StoreError("This run is not on this computer.")
        if row[0] != OPEN:
            raise StoreError(f"This run is {row[0]}; it takes no more changes.")

    # -- the outbox ----------------------------------------------------------------------------------------------
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
            (run_id, op_id, kind, step_id, photo_index, _dumps(body), size, now_iso()),
        )
        return Op(
            cur.lastrowid or 0, run_id, op_id, kind, step_id, photo_index, body, size, PENDING, None, 0, None
        )

    def ops(
        self, run_id: str | None = None, states: tuple[str, ...] = (PENDING, FAILED, BLOCKED)
    ) -> list[Op]:
        marks = ",".join("?" * len(states))
        sql = f"SELECT * FROM outbox WHERE state IN ({marks})"
        args: list[Any] = list(states)
        if run_id is not None:
            sql += " AND run_id = ?"
            args.append(run_id)
        return [_op(row) for row in self.conn.execute(sql + " ORDER BY seq", args)]

    def head(self, run_id: str, batch: int, photos: int = 1) -> list[Op]:
        """What to send next for a run: the consecutive pending answers at its head (up to `batch`), or the
        consecutive photo uploads (up to `photos`; one op per slot, so their order does not matter), else
        the single next op. Failed ops are skipped here; `complete` checks for them itself."""
        rows = self.conn.execute(
            "SELECT * FROM outbox WHERE run_id = ? AND state = ? ORDER BY seq LIMIT ?",
            (run_id, PENDING, max(batch, photos)),
        ).fetchall()
        ops = [_op(row) for row in rows]
        if not ops or ops[0].kind not in (ANSWER, PHOTO):
            return ops[:1]
        kind, limit = ops[0].kind, batch if ops[0].kind == ANSWER else photos
        out: list[Op] = []
        for op in ops[:limit]:
            if op.kind != kind:
                break
            out.append(op)
        return out

    def runs_to_sync(self) -> list[dict]:
        rows = self.conn.execute(
            "SELECT DISTINCT r.run_id, r.base_url, r.token FROM runs r JOIN outbox o ON o.run_id = r.run_id"
            " WHERE o.state = ? AND r.local_state != ? ORDER BY r.opened_at",
            (PENDING, REFUSED),
        ).fetchall()
        return [dict(row) for row in rows]

    def open_runs(self, base_url: str) -> list[dict]:
        """Runs on this server still being filled here (their server state is worth checking)."""
        rows = self.conn.execute(
            "SELECT run_id, base_url, token, server_status, server_progress FROM runs"
            " WHERE base_url = ? AND local_state = ?",
            (base_url, OPEN),
        ).fetchall()
        return [{**dict(row), "server_progress": _loads(row["server_progress"])} for row in rows]

    def active_servers(self) -> list[str]:
        """The servers of the runs not finished here (the engine watches whether they answer)."""
        marks = ",".join("?" * len(FINISHED))
        return [
            r[0]
            for r in self.conn.execute(
                f"SELECT DISTINCT base_url FROM runs WHERE local_state NOT IN ({marks})", FINISHED
            )
        ]

    def has_op(self, op_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM outbox WHERE op_id = ?", (op_id,)).fetchone() is not None

    def failed_before(self, run_id: str, seq: int) -> list[Op]:
        rows = self.conn.execute(
            "SELECT * FROM outbox WHERE run_id = ? AND state = ? AND seq < ? ORDER BY seq",
            (run_id, FAILED, seq),
        ).fetchall()
        return [_op(row) for row in rows]

    def acknowledge(
        self,
        run_id: str,
        done: list[str],
        failed: list[tuple[str, str]] = (),
        adopt: list[tuple[str, dict, str]] = (),
        *,
        durable: bool = True,
        **run_fields: Any,
    ) -> list[str]:
        """One transaction for a server's answer: acknowledged ops leave the outbox (one superseded meanwhile
        is gone already), refused ones keep their words, `stale` answers adopt the server's (see
        `adopt_server_answer`), and the run's fields are updated. Returns the steps whose answer changed.
        `durable=False` only for what a resend makes good (see `transaction`)."""
        if "server_progress" in run_fields:
            run_fields["server_progress"] = _dumps(run_fields["server_progress"])
        changed = []
        with self.transaction(durable=durable) as conn:
            conn.executemany("DELETE FROM outbox WHERE op_id = ?", [(op_id,) for op_id in done])
            conn.executemany(
                "UPDATE outbox SET state = ?, error = ? WHERE op_id = ?",
                [(FAILED, words, op_id) for op_id, words in failed],
            )
            for step_id, answer, sent_at in adopt:
                row = conn.execute(
                    "SELECT at FROM answers WHERE run_id = ? AND step_id = ?", (run_id, step_id)
                ).fetchone()
                if row is not None and row[0] == sent_at:  # not changed again since: take the server's
                    self._adopt_server_answer(conn, run_id, step_id, answer)
                    changed.append(step_id)
            if run_fields:
                names = ", ".join(f"{name} = ?" for name in run_fields)
                conn.execute(f"UPDATE runs SET {names} WHERE run_id = ?", (*run_fields.values(), run_id))
        return changed

    def fail(self, op_id: str, words: str, state: str = FAILED) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE outbox SET state = ?, error = ? WHERE op_id = ?", (state, words, op_id))

    def set_upload(self, op_id: str, url: str | None, offset: int) -> None:
        """Where a photo's upload stands: a hint to resume it (the server's HEAD is the truth), so not fsynced."""
        with self.transaction(durable=False) as conn:
            conn.execute(
                "UPDATE outbox SET upload_url = ?, upload_offset = ? WHERE op_id = ?", (url, offset, op_id)
            )

    def pending_totals(self) -> tuple[int, int, int]:
        """(pending ops, pending bytes, failed ops) over the runs still syncing."""
        row = self.conn.execute(
            "SELECT COALESCE(SUM(o.state = 'pending'), 0),"
            " COALESCE(SUM(CASE WHEN o.state = 'pending' THEN o.bytes - o.upload_offset END), 0),"
            " COALESCE(SUM(o.state = 'failed'), 0)"
            " FROM outbox o JOIN runs r ON r.run_id = o.run_id WHERE r.local_state != ?",
            (REFUSED,),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2])

    # -- export --------------------------------------------------------------------------------------------------
    def export(self, run_id: str, folder: Path) -> Path:
        """Write `run.json` (snapshot, answers, photo list, unsent changes) and the photo files into `folder`."""
        run = self.run(run_id)
        if run is None:
            raise StoreError("This run is not on this computer.")
        folder = Path(folder)
        (folder / "photos").mkdir(parents=True, exist_ok=True)
        answers = self.answers(run_id)
        for entry in answers.values():
            for photo in entry["photos"]:
                if photo["path"]:
                    name = f"{photo['step_id']}-{photo['photo_index']}{Path(photo['path']).suffix}"
                    shutil.copyfile(photo["path"], folder / "photos" / name)
                    photo["file"] = f"photos/{name}"
                photo.pop("path", None)
        doc = {
            "run_id": run_id,
            "server": run["base_url"],
            "template": run["snapshot"],
            "status": {
                "local": run["local_state"],
                "server": run["server_status"],
                "refusal": run["refusal"],
            },
            "opened_at": run["opened_at"],
            "exported_at": now_iso(),
            "answers": answers,
            "unsent": [
                {"kind": op.kind, "body": op.body, "state": op.state, "error": op.error}
                for op in self.ops(run_id)
            ],
        }
        path = folder / "run.json"
        path.write_text(json.dumps(doc, indent=2, ensure_ascii=False), encoding="utf-8")
        return path


def write_photo(root: Path, data: bytes) -> StoredPhoto:
    """Write photo bytes into the store at `root` (temp file, fsync, rename), before any row names them.
    Touches no database, so it may run on any thread (big files: off the GUI thread)."""
    content_type = sniff_image(data[: tdl.IMAGE_HEAD_BYTES])
    if content_type is None:
        raise StoreError("This file is not a JPEG, PNG, WebP, HEIC or HEIF image.")
    sha = hashlib.sha256(data).hexdigest()
    relative = f"photos/{sha[:2]}/{sha}.{IMAGE_EXTENSIONS[content_type]}"
    path = Path(root) / relative
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f".{uuid.uuid4().hex}.tmp")
        with open(tmp, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
        _fsync_dir(path.parent)
    return StoredPhoto(sha, len(data), content_type, relative)


def write_photo_file(root: Path, source: Path | str) -> StoredPhoto:
    try:
        data = Path(source).read_bytes()
    except OSError as exc:
        raise StoreError(f"Cannot read {Path(source).name}: {exc.strerror or exc}.") from exc
    return write_photo(root, data)


def _fsync_dir(directory: Path) -> None:
    if os.name == "nt":  # directories cannot be opened for fsync on Windows; NTFS journals the rename
        return
    fd = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _ms_of(at: str) -> int:
    from datetime import UTC, datetime

    try:
        when = datetime.fromisoformat(at)
    except ValueError:
        return int(time.time() * 1000)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    return int(when.timestamp() * 1000)


def _run_dict(row: sqlite3.Row) -> dict:
    out = dict(row)
    out["snapshot"] = _loads(out["snapshot"])
    out["identity"] = _loads(out["identity"])
    out["server_progress"] = _loads(out["server_progress"])
    return out


def _op(row: sqlite3.Row) -> Op:
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
