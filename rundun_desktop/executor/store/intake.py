"""Photos chosen but not yet kept (migration 5): noted the moment the person chooses them, so that a kill while
one is being prepared (read, checked, scaled) loses none. The photo row that a noted photo becomes takes its
note away in the same transaction (`PhotoRows.add_photo(intake_id=…)`); a note left over was interrupted, and
the next start takes that photo in again, or says which one to add again."""

from __future__ import annotations

import sqlite3
import uuid
from dataclasses import dataclass
from pathlib import Path

from rundun_desktop.executor.store.base import StoreBase
from rundun_desktop.executor.store.disk import disk_full_words, is_disk_full
from rundun_desktop.executor.store.rows import StoreError
from server.durable import write_durably

INTAKE_DIR = "intake"  # under the store's root: the bytes of images given as data, until they are kept


@dataclass(frozen=True)
class Intake:
    """A photo chosen for a step and not kept yet: the file chosen (`source`), or the bytes of an image given
    as data staged in the store (`staged`, relative to its root; None until written)."""

    id: int
    run_id: str
    step_id: str
    source: str | None
    staged: str | None
    name: str  # what the person knows it by: the file's name, or empty for an image given as data
    added_at: float

    def path(self, root: Path) -> Path | None:
        """Where its bytes are: the staged copy, else the file chosen (None: an image whose bytes were never
        staged, lost with the app that held them)."""
        if self.staged:
            return Path(root) / self.staged
        return Path(self.source) if self.source else None


def stage_bytes(root: Path, data: bytes) -> str:
    """Write an image given as data into the store (durably, before the note names it); its relative path."""
    relative = f"{INTAKE_DIR}/{uuid.uuid4().hex}"
    try:
        write_durably(Path(root) / relative, data)
    except OSError as exc:
        if is_disk_full(exc):  # in words, as a photo file's own write says it
            raise StoreError(disk_full_words()) from exc
        raise
    return relative


class IntakeRows(StoreBase):
    def note_intake(
        self, run_id: str, step_id: str, chosen: list[tuple[str | None, str]], added_at: float
    ) -> list[Intake]:
        """Note the photos just chosen for a step, `(source file or None, name)` each, in one transaction."""
        notes = []
        with self.transaction() as conn:
            self._require_open(conn, run_id)
            for source, name in chosen:
                cur = conn.execute(
                    "INSERT INTO photo_intake (run_id, step_id, source, name, added_at) VALUES (?,?,?,?,?)",
                    (run_id, step_id, source, name, added_at),
                )
                notes.append(Intake(cur.lastrowid or 0, run_id, step_id, source, None, name, added_at))
        return notes

    def stage_intake(self, intake_id: int, staged: str) -> None:
        with self.transaction() as conn:
            conn.execute("UPDATE photo_intake SET staged = ? WHERE id = ?", (staged, intake_id))

    def intakes(self, run_id: str | None = None) -> list[Intake]:
        """The photos chosen and not kept yet (none lost), oldest first."""
        rows = self.conn.execute(
            "SELECT * FROM photo_intake WHERE lost IS NULL AND (? IS NULL OR run_id = ?) ORDER BY id",
            (run_id, run_id),
        ).fetchall()
        return [
            Intake(r["id"], r["run_id"], r["step_id"], r["source"], r["staged"], r["name"], r["added_at"])
            for r in rows
        ]

    def drop_intake(self, intake_id: int) -> None:
        """Forget a chosen photo that was refused (in words, on screen) and its staged bytes."""
        with self.transaction() as conn:
            staged = self._staged_of(conn, intake_id)
            conn.execute("DELETE FROM photo_intake WHERE id = ?", (intake_id,))
        self._unstage(staged)

    def lose_intake(self, intake_id: int, words: str) -> None:
        """A chosen photo that could not be taken in after a restart: `words` say so on its step."""
        with self.transaction() as conn:
            staged = self._staged_of(conn, intake_id)
            conn.execute("UPDATE photo_intake SET lost = ?, staged = NULL WHERE id = ?", (words, intake_id))
        self._unstage(staged)

    def lost_photos(self, run_id: str) -> dict[str, list[str]]:
        """Step → what was said about the photos chosen there that a restart could not take in."""
        lost: dict[str, list[str]] = {}
        for r in self.conn.execute(
            "SELECT step_id, lost FROM photo_intake WHERE run_id = ? AND lost IS NOT NULL ORDER BY id",
            (run_id,),
        ):
            lost.setdefault(r["step_id"], []).append(r["lost"])
        return lost

    def _take_intake(
        self, conn: sqlite3.Connection, run_id: str, step_id: str, intake_id: int | None
    ) -> str | None:
        """In the transaction that keeps a photo for the step: its note goes, and so do the step's notes of
        photos lost (a photo added there answers them). The staged file to remove once committed, if any."""
        staged = self._staged_of(conn, intake_id) if intake_id is not None else None
        conn.execute(
            "DELETE FROM photo_intake WHERE id = ? OR (run_id = ? AND step_id = ? AND lost IS NOT NULL)",
            (intake_id, run_id, step_id),
        )
        return staged

    @staticmethod
    def _staged_of(conn: sqlite3.Connection, intake_id: int) -> str | None:
        row = conn.execute("SELECT staged FROM photo_intake WHERE id = ?", (intake_id,)).fetchone()
        return row[0] if row else None

    def _unstage(self, staged: str | None) -> None:
        if staged:
            (self.root / staged).unlink(missing_ok=True)
