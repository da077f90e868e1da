"""The photo rows of a run's steps (each names a file of the store, shared by content) and their outbox ops."""

from __future__ import annotations

import sqlite3

from PySide6.QtCore import QCoreApplication

from rundun_desktop.executor.store.files import StoredPhoto
from rundun_desktop.executor.store.intake import IntakeRows
from rundun_desktop.executor.store.rows import Op, StoreError, local_now, now_iso
from rundun_desktop.executor.store.schema import DELETE_PHOTO, PHOTO, SIGNATURE, SIGNATURE_STEP
from rundun_desktop.words import Counts


class PhotoRows(IntakeRows):
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
        *,
        taken_at: str | None = None,
        intake_id: int | None = None,
    ) -> tuple[int, Op]:
        """Attach a stored photo to the step's first free slot (or `index`) and queue its upload. `taken_at`
        (ISO 8601 with an offset; default: now, here) travels with the upload: the server keeps it.
        `intake_id`: the note of the photo chosen that this is, taken away in the same transaction."""
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
                raise StoreError(Counts.tr("This step takes at most %Ln photo(s).", "", limit))
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
                "taken_at": taken_at or local_now(),
            }
            op = self._append(conn, run_id, kind, body, step_id=step_id, photo_index=index, size=photo.bytes)
            staged = self._take_intake(conn, run_id, step_id, intake_id)
        self._unstage(staged)
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
                raise StoreError(QCoreApplication.translate("store", "There is no photo there any more."))
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
