"""A run's answers: the answer map as `server.tdl` reads it, an answer recorded with its outbox op, and an
answer the server holds adopted."""

from __future__ import annotations

import sqlite3
import time
from typing import Any

from rundun_desktop.executor.store.photos import PhotoRows
from rundun_desktop.executor.store.rows import Op, dumps, loads, ms_of, now_iso, template_model
from rundun_desktop.executor.store.schema import ANSWER, ASIDE, BLOCKED, HELD
from server import tdl

Draft = tuple[Any, Any]  # (value, geo) a step's input showed


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
        self,
        run_id: str,
        step_id: str,
        value: Any,
        *,
        geo: Any = None,
        skipped: bool = False,
        aside: Draft | None = None,
    ) -> Op:
        """Record an answer and queue it, in one transaction. An older unsent op for the step is superseded
        (the server keeps the latest `at` anyway), so a step edited ten times offline syncs once. A NUL
        character (pasted) is dropped from text: the server refuses it, with the whole batch it came in.

        Its drafts go with it: the refused answer it replaces, and (not skipped) the one set aside by a skip.
        `aside`: a skip's, the answer the step had, kept here and never sent (it comes back when unticked)."""
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
            kinds = (HELD,) if skipped else (HELD, ASIDE)
            conn.execute(
                f"DELETE FROM drafts WHERE run_id = ? AND step_id = ? AND kind IN ({','.join('?' * len(kinds))})",
                (run_id, step_id, *kinds),
            )
            if skipped and aside is not None:
                self._put_draft(conn, run_id, step_id, ASIDE, aside)
            body = {"step_id": step_id, "value": value, "geo": geo, "at": at, "skipped": skipped}
            return self._append(conn, run_id, ANSWER, body, step_id=step_id, size=len(dumps(body)))

    def hold(self, run_id: str, step_id: str, held: Draft) -> None:
        """Keep an answer the step's checks refuse, as its input shows it (never sent): after a restart it is
        shown again, "not saved yet", until it is put right (`set_answer` drops it)."""
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            self._put_draft(conn, run_id, step_id, HELD, held)

    def unsaved(self, run_id: str | None = None) -> dict[str, int]:
        """Per run (or for `run_id`), its answers held as their checks refuse them whose steps are shown: one on a
        step a condition hides was counted "not saved" though the server does not ask for that step (and drops
        its answers on completion); it stays kept, and counts again once the step shows."""
        held: dict[str, set[str]] = {}
        rows = self.conn.execute(
            "SELECT run_id, step_id FROM drafts WHERE kind = ? AND (? IS NULL OR run_id = ?)",
            (HELD, run_id, run_id),
        )
        for row in rows:
            held.setdefault(row["run_id"], set()).add(row["step_id"])
        counts = {}
        for held_run, steps in held.items():
            snapshot = self.conn.execute("SELECT snapshot FROM runs WHERE run_id = ?", (held_run,)).fetchone()
            shown = tdl.visible_step_ids(template_model(loads(snapshot["snapshot"])), self.answers(held_run))
            counts[held_run] = len(steps & shown)
        return counts

    def drafts(self, run_id: str, kind: str) -> dict[str, Draft]:
        """The run's drafts of `kind` (`ASIDE`, `HELD`): step → (value, geo)."""
        rows = self.conn.execute(
            "SELECT step_id, value, geo FROM drafts WHERE run_id = ? AND kind = ?", (run_id, kind)
        )
        return {row["step_id"]: (loads(row["value"]), loads(row["geo"])) for row in rows}

    @staticmethod
    def _put_draft(conn: sqlite3.Connection, run_id: str, step_id: str, kind: str, draft: Draft) -> None:
        conn.execute(
            "INSERT OR REPLACE INTO drafts (run_id, step_id, kind, value, geo) VALUES (?,?,?,?,?)",
            (run_id, step_id, kind, dumps(draft[0]), dumps(draft[1])),
        )

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
