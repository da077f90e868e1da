"""A run's answers: the answer map as `server.tdl` reads it, an answer recorded with its outbox op, and an
answer the server holds adopted."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from rundun_desktop.executor.store.photos import PhotoRows
from rundun_desktop.executor.store.rows import Op, dumps, loads, ms_of, now_iso
from rundun_desktop.executor.store.schema import ANSWER, BLOCKED


class AnswerRows(PhotoRows):
    def answers(self, run_id: str) -> dict[str, dict]:
        """The run's answer map as `server.tdl` reads it: `{step_id: {value, geo, skipped, at, photos}}`."""
        out: dict[str, dict] = {}
        for row in self.conn.execute("SELECT * FROM answers WHERE run_id = ?", (run_id,)):
            out[row["step_id"]] = {
                "value": loads(row["value"]),
                "geo": loads(row["geo"]),
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
        (the server keeps the latest `at` anyway), so a step edited ten times offline syncs once. A NUL
        character (pasted) is dropped from text: the server refuses it, with the whole batch it came in."""
        if isinstance(value, str):
            value = value.replace("\x00", "")
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
                (run_id, step_id, dumps(value), dumps(geo), int(skipped), at, at_ms),
            )
            conn.execute(
                "DELETE FROM outbox WHERE run_id = ? AND kind = ? AND step_id = ? AND state != ?",
                (run_id, ANSWER, step_id, BLOCKED),
            )
            body = {"step_id": step_id, "value": value, "geo": geo, "at": at, "skipped": skipped}
            return self._append(conn, run_id, ANSWER, body, step_id=step_id, size=len(dumps(body)))

    def _adopt_server_answer(self, conn: sqlite3.Connection, run_id: str, step_id: str, answer: dict) -> None:
        at = answer.get("at") or now_iso()
        conn.execute(
            "INSERT OR REPLACE INTO answers (run_id, step_id, value, geo, skipped, at, at_ms) VALUES (?,?,?,?,?,?,?)",
            (
                run_id,
                step_id,
                dumps(answer.get("value")),
                dumps(answer.get("geo")),
                int(bool(answer.get("skipped"))),
                at,
                ms_of(at),
            ),
        )
