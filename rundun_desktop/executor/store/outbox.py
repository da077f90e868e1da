"""The outbox: operations in order per run, what the sync engine sends next, the server's answers to them, and
the last ops of a run (complete, exit)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rundun_desktop.executor.store.answers import AnswerRows
from rundun_desktop.executor.store.rows import Op, dumps, loads, now_iso, op_of
from rundun_desktop.executor.store.schema import (
    ANSWER,
    BLOCKED,
    COMPLETE,
    COMPLETING,
    EXIT,
    EXITING,
    FAILED,
    FINISHED,
    OPEN,
    PENDING,
    PHOTO,
    REFUSED,
)


class Outbox(AnswerRows):
    def ops(
        self, run_id: str | None = None, states: tuple[str, ...] = (PENDING, FAILED, BLOCKED)
    ) -> list[Op]:
        marks = ",".join("?" * len(states))
        sql = f"SELECT * FROM outbox WHERE state IN ({marks})"
        args: list[Any] = list(states)
        if run_id is not None:
            sql += " AND run_id = ?"
            args.append(run_id)
        return [op_of(row) for row in self.conn.execute(sql + " ORDER BY seq", args)]

    def head(self, run_id: str, batch: int, photos: int = 1) -> list[Op]:
        """What to send next for a run: the pending answers (up to `batch`, the first ones) and photo uploads
        (up to `photos`, the first ones) that come before its first op of another kind, in order; else that
        single op. Answers and photos commute (an answer never touches a photo, and a photo slot has one
        pending op at most), so the engine sends both at once (issue 16); ops of other kinds (a photo's
        deletion, the signature, complete) keep their place. Failed ops are skipped here; `complete` checks
        for them itself."""
        first = self.conn.execute(
            "SELECT * FROM outbox WHERE run_id = ? AND state = ? AND kind NOT IN (?, ?) ORDER BY seq LIMIT 1",
            (run_id, PENDING, ANSWER, PHOTO),
        ).fetchone()
        before, bound = ((first["seq"],), " AND seq < ?") if first is not None else ((), "")
        ops = [
            op_of(row)
            for kind, limit in ((ANSWER, batch), (PHOTO, photos))
            for row in self.conn.execute(
                f"SELECT * FROM outbox WHERE run_id = ? AND state = ? AND kind = ?{bound} ORDER BY seq LIMIT ?",
                (run_id, PENDING, kind, *before, limit),
            )
        ]
        if ops:
            return sorted(ops, key=lambda op: op.seq)
        return [op_of(first)] if first is not None else []

    def runs_to_sync(self) -> list[dict]:
        """Runs with changes waiting, and those whose last error still stands (however their changes
        went since: the engine clears it)."""
        rows = self.conn.execute(
            "SELECT r.run_id, r.base_url, r.token, r.last_error FROM runs r WHERE r.local_state != ? AND"
            " (r.last_error IS NOT NULL OR EXISTS (SELECT 1 FROM outbox o WHERE o.run_id = r.run_id"
            " AND o.state = ?)) ORDER BY r.opened_at",
            (REFUSED, PENDING),
        ).fetchall()
        return [dict(row) for row in rows]

    def open_runs(self, base_url: str) -> list[dict]:
        """Runs on this server still being filled here (their server state is worth checking)."""
        rows = self.conn.execute(
            "SELECT run_id, base_url, token, server_status, server_progress FROM runs"
            " WHERE base_url = ? AND local_state = ?",
            (base_url, OPEN),
        ).fetchall()
        return [{**dict(row), "server_progress": loads(row["server_progress"])} for row in rows]

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
        return [op_of(row) for row in rows]

    def acknowledge(
        self,
        run_id: str,
        done: list[str],
        failed: Sequence[tuple[str, str]] = (),
        adopt: Sequence[tuple[str, dict, str]] = (),
        *,
        durable: bool = True,
        **run_fields: Any,
    ) -> list[str]:
        """One transaction for a server's answer: acknowledged ops leave the outbox (one superseded meanwhile
        is gone already), refused ones keep their words, `stale` answers adopt the server's (see
        `adopt_server_answer`), and the run's fields are updated. Returns the steps whose answer changed.
        `durable=False` only for what a resend makes good (see `transaction`)."""
        if "server_progress" in run_fields:
            run_fields["server_progress"] = dumps(run_fields["server_progress"])
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

    def pending_totals(self) -> tuple[int, int, int, int, int]:
        """(pending ops, pending bytes, failed ops) over the runs still syncing, the changes kept unsent in
        runs the server refused (a cancelled run's unsent answers vanished from every count, so the status
        bar said "everything is synced"), and the answers held here as their checks refuse them in runs still
        open (`hold`: "✎ Not saved yet"; the bar said "everything is synced" of them too)."""
        open_runs = {
            row[0] for row in self.conn.execute("SELECT run_id FROM runs WHERE local_state = ?", (OPEN,))
        }
        unsaved = sum(n for run_id, n in self.unsaved().items() if run_id in open_runs)
        row = self.conn.execute(
            "SELECT COALESCE(SUM(o.state = 'pending' AND r.local_state != ?), 0),"
            " COALESCE(SUM(CASE WHEN o.state = 'pending' AND r.local_state != ? THEN o.bytes - o.upload_offset"
            " END), 0),"
            " COALESCE(SUM(o.state = 'failed' AND r.local_state != ?), 0),"
            " COALESCE(SUM(o.state IN ('pending', 'failed') AND r.local_state = ?), 0)"
            " FROM outbox o JOIN runs r ON r.run_id = o.run_id",
            (REFUSED, REFUSED, REFUSED, REFUSED),
        ).fetchone()
        return int(row[0]), int(row[1]), int(row[2]), int(row[3]), int(unsaved)

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
