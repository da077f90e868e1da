"""Where the person left the app, restored at the next start: the window's size and place, the page on show,
the run open in the Executor with its section, the runs table's columns they hid or showed, its status filter and the run
whose detail it showed (`window.json` beside `desktop.json`; the filter and the run were lost at a restart).

Saved as it changes (checked every `CHECK_MS`, written only when something changed), not only at a clean
close: after a crash or a power cut the executor comes back to the run they were filling in, where the app
used to open on the Runs page at its default size.
"""

from __future__ import annotations

import base64
import contextlib
import json
import logging
import os
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QByteArray, QObject, QTimer

from rundun_desktop.paths import private_dir

if TYPE_CHECKING:
    from rundun_desktop.main_window import MainWindow

log = logging.getLogger("rundun.desktop")
CHECK_MS = 1000
FILE_NAME = "window.json"


@dataclass(frozen=True)
class WindowState:
    geometry: str = ""  # QWidget.saveGeometry(), base64
    page: str = ""  # the page on show ("runs", "executor", …)
    run_id: str = ""  # the run open in the Executor ("" on its inbox)
    section: int = 0  # that run's section on show
    hidden_columns: tuple[str, ...] = ()  # the runs table's columns hidden by choice (runs_view.COLUMN_KEYS)
    shown_columns: tuple[str, ...] = ()  # and those shown by choice (never set aside for a narrow window)
    runs_status: str = ""  # the runs' status filter ("" for all statuses)
    runs_run_id: str = ""  # the run whose detail the Runs page showed

    @classmethod
    def load(cls, path: Path) -> WindowState:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return cls()
        if not isinstance(data, dict):
            return cls()
        kinds = {
            "geometry": str,
            "page": str,
            "run_id": str,
            "section": int,
            "runs_status": str,
            "runs_run_id": str,
        }
        state = cls(**{k: data[k] for k, kind in kinds.items() if isinstance(data.get(k), kind)})

        def column_keys(name: str) -> tuple[str, ...]:
            keys = data.get(name)
            if isinstance(keys, list) and all(isinstance(key, str) for key in keys):
                return tuple(keys)
            return ()

        return replace(
            state, hidden_columns=column_keys("hidden_columns"), shown_columns=column_keys("shown_columns")
        )

    def save(self, path: Path) -> None:
        """Written whole or not at all (a crash mid-write keeps the previous state)."""
        private_dir(path.parent)
        partial = path.with_name(path.name + ".partial")
        partial.write_text(json.dumps(asdict(self)), encoding="utf-8")
        os.replace(partial, path)


class WindowMemory(QObject):
    """Keeps `window`'s state in `path` and puts it back (`restore_layout`, `reopen`)."""

    def __init__(self, window: MainWindow, path: Path, parent: QObject | None = None):
        super().__init__(parent)
        self.window, self.path = window, path
        self.saved = WindowState.load(path)
        self._timer = QTimer(self, interval=CHECK_MS)
        self._timer.timeout.connect(self.save_if_changed)

    def start(self) -> None:
        self._timer.start()

    def stop(self) -> None:
        """At close: the last state written now, the checks stopped."""
        self._timer.stop()
        self.save_if_changed()

    def restore_layout(self) -> None:
        """The window's size and place, and the runs table's columns and status filter as the person left them
        (set before the first load, which reads it)."""
        self.window.runs_view.hide_columns(self.saved.hidden_columns, self.saved.shown_columns)
        status = self.window.runs_view.status_filter
        if self.saved.runs_status and (index := status.findData(self.saved.runs_status)) >= 0:
            status.blockSignals(True)
            status.setCurrentIndex(index)
            status.blockSignals(False)
        if self.saved.geometry:
            with contextlib.suppress(ValueError):
                self.window.view.restoreGeometry(QByteArray(base64.b64decode(self.saved.geometry)))

    def page(self) -> str:
        return self.saved.page

    async def reopen(self) -> None:
        """The run that was open in the Executor, at its section (nothing when it has left this computer); on the
        Runs page, the run whose detail was open."""
        state = self.saved
        if state.page == "runs" and state.runs_run_id:
            runs = self.window.runs
            if not runs.select_run(state.runs_run_id):  # its row not loaded (yet): the detail alone
                runs.detail.show_run(state.runs_run_id)
            return
        if state.page != "executor" or not state.run_id:
            return
        page: Any = self.window.executor_page.ensure()
        try:
            await page.show_run(state.run_id)
        except Exception:
            log.info("the run open at the last close (%s) cannot be shown again", state.run_id, exc_info=True)
            page.show_inbox()
            return
        with contextlib.suppress(Exception):
            page.runner.show_section(state.section)

    def current(self) -> WindowState:
        view = self.window.view
        geometry = base64.b64encode(bytes(view.saveGeometry().data())).decode("ascii")
        page_key = self.window.current_page()
        run_id, section = "", 0
        page: Any = getattr(self.window.executor_page, "page", None)
        runner = page.runner if page_key == "executor" and page is not None else None
        if runner is not None and runner.run_id and page.stack.currentWidget() is page.runner_view:
            run_id, section = runner.run_id, int(getattr(runner, "current", 0) or 0)
        hidden = tuple(self.window.runs_view.hidden_column_keys())
        chosen = tuple(self.window.runs_view.shown_column_keys())
        status = self.window.runs_view.status_filter.currentData() or ""
        detail = self.window.runs.detail
        shown = (
            (detail.run_id or "") if self.window.runs_view.detail.isVisibleTo(self.window.runs_view) else ""
        )
        return WindowState(geometry, page_key, run_id, section, hidden, chosen, status, shown)

    def save_if_changed(self) -> None:
        state = self.current()
        if state == self.saved:
            return
        try:
            state.save(self.path)
        except OSError:  # a full or read-only disk: the app goes on, the next check tries again
            log.warning("could not keep the window's state in %s", self.path, exc_info=True)
            return
        self.saved = state
