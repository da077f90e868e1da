"""Keeps the JSON view and the document in step, both ways.

Edits in the tree and panels re-render the text (while the view is on show and holds no pending
edit of its own); typing in the text is parsed after a pause and, when it is a template-shaped object,
applied as one undoable `ReplaceCommand` (consecutive typing merges). Syntax errors and the TDL
problems are pointed at by line; choosing a problem selects its node in the tree.
"""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QListWidgetItem

from .doc import shape_problem
from .editing import DocEditor
from .json_paths import line_for, path_lines
from .json_view import LINE_ROLE, PATH_ROLE, JsonView

APPLY_DELAY_MS = 400


def dumps(body: dict[str, Any]) -> str:
    return json.dumps(body, indent=2, ensure_ascii=False)


class JsonSync(QObject):
    node_requested = Signal(str)  # an API path, e.g. sections[0].steps[1].label

    def __init__(self, view: JsonView, editor: DocEditor) -> None:
        super().__init__(view)
        self.view, self.editor = view, editor
        self._setting = False
        self._details: list[dict[str, str]] = []
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(APPLY_DELAY_MS)
        self._timer.timeout.connect(self.apply)
        view.editor.textChanged.connect(self._typed)
        view.editor.installEventFilter(self)
        view.problems.itemClicked.connect(self._problem_chosen)

    @property
    def pending(self) -> bool:
        return self._timer.isActive()

    def flush(self) -> None:
        """Apply text typed and not applied yet now, before another edit: applied after it (its pause), the
        text written before that edit undid it (a step dragged in the tree within 0.4 s of typing here went
        back where it was)."""
        if self._timer.isActive():
            self.apply()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.editor and event.type() == QEvent.Type.FocusOut:
            self.flush()  # the press on the tree, a field or a button that starts the next edit
        return False

    def refresh(self, force: bool = False) -> None:
        """Show the document's JSON, unless the view is hidden or holds an edit not yet applied."""
        if self._timer.isActive() or (not force and not self.view.isVisible()):
            return
        body = self.editor.doc.to_tdl()
        text = self.view.editor.toPlainText()
        try:
            if json.loads(text) == body:
                return
        except ValueError:
            pass
        self._setting = True
        try:
            self.view.set_text(dumps(body))
        finally:
            self._setting = False
        self.show_details(self._details)

    def show_details(self, details: list[dict[str, str]]) -> None:
        """Point the validation problems (local or the server's) at their lines."""
        self._details = details
        lines = path_lines(self.view.editor.toPlainText())
        rows = [
            (d.get("path", ""), d.get("message", ""), line_for(lines, d.get("path", ""))) for d in details
        ]
        self.view.show_problems(rows)
        if not self._timer.isActive():
            count = len(details)
            self.view.show_status(
                self.tr("Valid TDL.") if not count else self.tr("%Ln problem(s).", "", count),
                bool(count),
            )

    def apply(self) -> bool:
        """Parse the text and, if it is a template-shaped object, make it the document (undoable)."""
        self._timer.stop()
        text = self.view.editor.toPlainText()
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            self.view.show_status(
                self.tr("Not valid JSON — line {0}, column {1}: {2}.").format(exc.lineno, exc.colno, exc.msg),
                True,
            )
            self.view.show_problems([("", exc.msg, exc.lineno - 1)])
            return False
        problem = shape_problem(data)
        if problem:
            self.view.show_status(self.tr("Not applied: {0}").format(problem), True)
            return False
        if data != self.editor.doc.to_tdl():
            self.editor.replace(data, merge=True)
        self.view.show_status(self.tr("Applied."), False)
        return True

    def _typed(self) -> None:
        if not self._setting:
            self._timer.start()
            self.view.show_status(self.tr("Editing… (applied when you pause)"), False)

    def _problem_chosen(self, item: QListWidgetItem) -> None:
        self.view.go_to_line(item.data(LINE_ROLE))
        path = item.data(PATH_ROLE)
        if path is not None:
            self.node_requested.emit(path)
