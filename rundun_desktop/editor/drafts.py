"""The template being edited, kept on disk while it has unsaved changes: a crash, a kill or a power cut
loses at most the last moment of work, and the next session offers the rest back.

One editor, one draft: a JSON file in the app's data dir (`AppPaths.editor_draft_file`), written whole and atomically off the
GUI thread a moment after the last change (`KEEP_AFTER_MS`), removed once the changes are saved or
discarded. It says which server and template (and version) the changes were made to, so that recovering
them patches that version (a newer one on the server brings the usual conflict question) and never another
server's template.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QTimer

from rundun_desktop.paths import private_dir
from server.durable import replace_durably

from .saving import SaveController

KEEP_AFTER_MS = 1000  # after the last change: typing is not written key by key


@dataclass(frozen=True)
class Draft:
    server: str  # the API's base URL the template lives on
    template_id: str | None  # None: never saved (new, imported, generated)
    version: int | None  # the version the changes were made to
    name: str
    body: dict[str, Any]
    kept_at: str  # when it was written (UTC, ISO 8601)


def load_draft(path: Path) -> Draft | None:
    """The draft kept at `path`, or None (none, or a file no draft could be read from: it is not offered)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        draft = Draft(**data)
    except (OSError, ValueError, TypeError):
        return None
    return draft if isinstance(draft.body, dict) else None


def write_draft(path: Path, draft: Draft) -> None:
    private_dir(path.parent)
    replace_durably(
        path, json.dumps(asdict(draft), ensure_ascii=False).encode()
    )  # each change replaces the last


def remove_draft(path: Path) -> None:
    with contextlib.suppress(FileNotFoundError):
        path.unlink()


class DraftKeeper(QObject):
    """Writes the editor's document to `path` a moment after each change while it is unsaved, and removes the
    file once it is saved or discarded (`forget`). Writes run one at a time, each of the document as it is
    when its turn comes, so the file always ends with the newest."""

    def __init__(self, saver: SaveController, path: Path) -> None:
        super().__init__(saver)
        self.saver, self.path = saver, path
        self.writes = 0  # drafts written (for tests)
        self._lock = asyncio.Lock()
        self._forgotten = 0  # times the changes were saved or discarded: a write under way then is undone
        self._timer = QTimer(saver.view)  # the view's: it stops with the editor
        self._timer.setSingleShot(True)
        self._timer.setInterval(KEEP_AFTER_MS)
        self._timer.timeout.connect(self._keep_soon)
        saver.ctl.stack.indexChanged.connect(self._changed)
        saver.saved.connect(lambda _document: self._saved())

    def _changed(self, _index: int) -> None:
        self._timer.start()  # the stack says it is clean only after this signal: `keep` asks then

    def _keep_soon(self) -> None:
        try:
            asyncio.get_running_loop()  # the app's (qasync runs Qt's events inside it)
        except (
            RuntimeError
        ):  # Qt's events processed with no loop running (the app closing): nothing to run it
            return
        asyncio.ensure_future(self.keep())

    async def keep(self) -> None:
        """Write the document as it is now if it has unsaved changes; else (undone back to what is saved)
        remove what was kept."""
        async with self._lock:
            if not self.saver.dirty:
                await asyncio.to_thread(remove_draft, self.path)
                return
            forgotten = self._forgotten
            draft = Draft(
                server=self.saver.api.base_url,
                template_id=self.saver.template_id,
                version=self.saver.version,
                name=self.saver.name(),
                body=self.saver.ctl.doc.to_tdl(),
                kept_at=datetime.now(UTC).isoformat(timespec="seconds"),
            )
            await asyncio.to_thread(write_draft, self.path, draft)
            self.writes += 1
            if self._forgotten != forgotten:  # saved or discarded while it was being written
                await asyncio.to_thread(remove_draft, self.path)

    def _saved(self) -> None:
        self.forget()
        if self.saver.dirty:  # edited while the save was on its way: those edits are kept again
            self._timer.start()

    def stop(self) -> None:
        """No more writes (the app is closing)."""
        self._timer.stop()

    def forget(self) -> None:
        """The changes were saved or discarded: no draft. Removed at once (an unlink writes no data: quitting
        right after a Discard leaves nothing to offer); a write under way removes its own when done."""
        self._timer.stop()
        self._forgotten += 1
        remove_draft(self.path)
