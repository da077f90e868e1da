"""The runs kept on this computer: opened (snapshot, token, what the server held), listed with their outbox
counts, bound to their server's identity (its runs follow its address), forgotten."""

from __future__ import annotations

import secrets
import sqlite3
import time
from typing import Any

from rundun_desktop.executor.store import schema
from rundun_desktop.executor.store.outbox import Outbox
from rundun_desktop.executor.store.rows import dumps, ms_of, now_iso, run_dict
from rundun_desktop.executor.store.schema import FINISHED

# A key of an open never finished (the link given up on) is dropped after this long.
OPEN_KEYS_KEPT_MS = 30 * 24 * 3600 * 1000


class RunRows(Outbox):
    def open_key(self, run_id: str) -> str:
        """The `Idempotency-Key` for opening `run_id` from this computer: the one kept if an open was sent
        before (its answer may have been lost, the run opened on the server), else a new random one, stored
        (and durable) before it is used."""
        with self.transaction() as conn:
            row = conn.execute("SELECT key FROM open_keys WHERE run_id = ?", (run_id,)).fetchone()
            if row is not None:
                return row["key"]
            stale = now_iso(int(time.time() * 1000) - OPEN_KEYS_KEPT_MS)
            conn.execute("DELETE FROM open_keys WHERE created_at < ?", (stale,))
            key = secrets.token_hex(24)
            conn.execute(
                "INSERT INTO open_keys (run_id, key, created_at) VALUES (?, ?, ?)", (run_id, key, now_iso())
            )
            return key

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
                    dumps(snapshot),
                    snapshot.get("name", run_id),
                    dumps(opened.get("executor_identity")),
                    opened.get("expires_at"),
                    opened.get("status", "pending"),
                    dumps(opened.get("progress")),
                    now_iso(),
                    now_iso(),
                ),
            )
            self._adopt_opened(conn, run_id, opened)

    def retake_run(self, run_id: str, opened: dict, token: str) -> None:
        """The run was refused here because the server no longer took this computer's token (its member opened
        it again elsewhere, which gave that device a new token), and it was opened again here: the new token,
        editable again as it stood here, the changes kept unsent queued to go. The server's answers are taken
        only for steps where nothing newer waits here (the answer with the latest `at` is the one kept, SPEC)."""
        with self.transaction() as conn:
            unsent = conn.execute(
                "SELECT kind, step_id FROM outbox WHERE run_id = ? AND state IN (?, ?)",
                (run_id, schema.PENDING, schema.FAILED),
            ).fetchall()
            kinds = {row[0] for row in unsent}
            waiting = {row[1] for row in unsent if row[1] is not None}
            state = (
                schema.COMPLETING
                if schema.COMPLETE in kinds
                else schema.EXITING
                if schema.EXIT in kinds
                else schema.OPEN
            )
            conn.execute(
                "UPDATE runs SET token = ?, local_state = ?, refusal = NULL, attention = NULL, last_error = NULL,"
                " expires_at = ?, server_status = ?, server_progress = ?, synced_at = ? WHERE run_id = ?",
                (
                    token,
                    state,
                    opened.get("expires_at"),
                    opened.get("status", "pending"),
                    dumps(opened.get("progress")),
                    now_iso(),
                    run_id,
                ),
            )
            local = {
                row[0]: row[1]
                for row in conn.execute("SELECT step_id, at_ms FROM answers WHERE run_id = ?", (run_id,))
            }
            newer = {
                step_id: answer
                for step_id, answer in (opened.get("answers") or {}).items()
                if step_id not in waiting
                and (step_id not in local or ms_of(answer.get("at") or now_iso()) > (local[step_id] or 0))
            }
            photos = [photo for photo in opened.get("photos") or [] if photo["step_id"] not in waiting]
            self._adopt_opened(conn, run_id, {**opened, "answers": newer, "photos": photos})

    def _adopt_opened(self, conn: sqlite3.Connection, run_id: str, opened: dict) -> None:
        """What `POST /open` said the server holds of the run: its answers, and its photos (on the server only:
        counted, not shown); the open's key is spent."""
        conn.execute("DELETE FROM open_keys WHERE run_id = ?", (run_id,))
        for step_id, answer in (opened.get("answers") or {}).items():
            self._adopt_server_answer(conn, run_id, step_id, answer)
        for photo in opened.get("photos") or []:
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
        return None if row is None else run_dict(row)

    def runs(self) -> list[dict]:
        """Every run with its outbox counts (`pending_ops`, `pending_bytes`, `failed_ops`) and its answers held
        as their checks refuse them (`unsaved`: never sent, see `hold`), newest first."""
        rows = self.conn.execute(
            "SELECT r.*, COALESCE(SUM(o.state = 'pending'), 0) AS pending_ops,"
            " COALESCE(SUM(CASE WHEN o.state = 'pending' THEN o.bytes - o.upload_offset END), 0) AS pending_bytes,"
            " COALESCE(SUM(o.state = 'failed'), 0) AS failed_ops"
            " FROM runs r LEFT JOIN outbox o ON o.run_id = r.run_id GROUP BY r.run_id ORDER BY r.opened_at DESC",
        ).fetchall()
        unsaved = self.unsaved()
        return [{**run_dict(row), "unsaved": unsaved.get(row["run_id"], 0)} for row in rows]

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
            staged = [
                r[0]
                for r in conn.execute(
                    "SELECT staged FROM photo_intake WHERE run_id = ? AND staged IS NOT NULL", (run_id,)
                )
            ]
            conn.execute("DELETE FROM runs WHERE run_id = ?", (run_id,))
        self._collect(files)
        for relative in staged:  # images chosen and not kept yet go with their notes
            self._unstage(relative)
