"""Editor fixtures and helpers: the real TemplatesPage on the real embedded server, driven like a user.

`until` waits (with a timeout) while the qasync loop runs, so the page's async slots reach the server
and Qt keeps painting. The `drive` helpers type, click and pick the way a designer does: key clicks
into fields, a combo box's list opened and an item chosen with Enter, mouse clicks on buttons and
tree rows, shortcuts pressed with the focus in the editor.
"""

from __future__ import annotations

import asyncio
import gc
from collections.abc import Callable, Iterator
from typing import Any, ClassVar

import pytest
from PySide6.QtCore import QPoint, QPointF, Qt
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QPlainTextEdit,
    QRadioButton,
    QWidget,
)

from rundun_desktop.editor import TemplatesPage
from rundun_desktop.editor.tree_model import UID_ROLE
from tests.desktop.conftest import GUARD_S


def until(aloop, predicate: Callable[[], Any], timeout: float = GUARD_S) -> None:
    """Run the loop until `predicate()` is true; fail after `timeout` seconds, never fewer than GUARD_S."""
    timeout = max(timeout, GUARD_S)

    async def poll() -> None:
        while not predicate():
            await asyncio.sleep(0.01)

    aloop.run_until_complete(asyncio.wait_for(poll(), timeout))


class Driver:
    """Drives one TemplatesPage with real input events."""

    def __init__(self, qtbot, aloop, page: TemplatesPage) -> None:
        self.qtbot, self.aloop, self.page = qtbot, aloop, page

    @property
    def ctl(self):
        return self.page.editor

    @property
    def view(self):
        return self.page.editor_view

    @property
    def step_panel(self):
        return self.ctl.properties.step_panel

    def pump(self) -> None:
        """Let Qt deliver posted events (a child added to a shown widget appears on the next turn)."""
        self.aloop.run_until_complete(asyncio.sleep(0.001))

    def click(self, widget: QWidget, pos: QPoint | None = None) -> None:
        self.pump()
        assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
        if pos is None and isinstance(widget, QCheckBox | QRadioButton):
            pos = QPoint(8, widget.height() // 2)  # on the indicator: the rest of the row does not toggle
        if pos is None:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton)
        else:
            self.qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=pos)

    def type(self, widget: QWidget, text: str, commit: bool = False) -> None:
        """Replace a field's content by typing (select all, then key clicks); `commit` presses Enter."""
        self.pump()
        assert widget.isVisible(), f"{widget.objectName() or widget} is not visible"
        widget.setFocus()
        if isinstance(widget, QLineEdit | QAbstractSpinBox | QPlainTextEdit):
            widget.selectAll()
        if text:
            self.qtbot.keyClicks(widget, text)
        else:
            self.qtbot.keyClick(widget, Qt.Key.Key_Delete)
        if commit:
            self.qtbot.keyClick(widget, Qt.Key.Key_Return)

    def choose(self, combo: QComboBox, data: Any) -> None:
        """Pick an item of a combo box as a user does: open its list, go to the item, press Enter."""
        self.pump()
        target = combo.findData(data)
        assert target >= 0, f"{data!r} is not offered by {combo.objectName()}"
        combo.showPopup()
        popup = combo.view()
        popup.setCurrentIndex(combo.model().index(target, combo.modelColumn()))
        self.qtbot.keyClick(popup, Qt.Key.Key_Return)
        assert combo.currentIndex() == target

    def key(self, widget: QWidget, key: Qt.Key, modifier=Qt.KeyboardModifier.NoModifier) -> None:
        """Press a key (or shortcut) with the focus in `widget`."""
        self.pump()
        widget.activateWindow()
        widget.setFocus()
        self.qtbot.keyClick(widget, key, modifier)

    def select_node(self, uid: int) -> None:
        """Click a row of the structure tree."""
        tree = self.view.tree
        index = self.ctl.model.index_of(uid)
        tree.scrollTo(index)
        self.click(tree.viewport(), tree.visualRect(index).center())
        assert tree.currentIndex().data(UID_ROLE) == uid

    def drop(self, uid: int, target_uid: int, where: str) -> None:
        """Press on `uid`'s row (the focus goes to the tree, committing a field being typed in, as a drag's
        press does), then drop it above / on / below the target row through the tree's own `dropEvent`
        (its drop target, the move it asks for, the controller's undoable move). This suite's platform ends a
        QDrag at once, and the view takes a sent drop only from a QDrag of its own (drag_session.py runs those)."""
        tree, viewport = self.view.tree, self.view.tree.viewport()
        source = self.ctl.model.index_of(uid)
        tree.scrollTo(source)
        self.qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=tree.visualRect(source).center())
        self.qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=tree.visualRect(source).center())
        drop_on(tree, uid, target_uid, where)
        self.pump()

    def toolbar(self, name: str) -> None:
        self.click(self.view.findChild(QWidget, f"button_{name}"))

    def flush(self) -> None:
        self.ctl.flush()


@pytest.fixture(autouse=True)
def collect_on_the_gui_thread(qapp) -> Iterator[None]:
    """Collect garbage on the GUI thread once a test is over (after the loop fixture has closed).

    Left to chance, Python's cycle collector may run on the embedded server's thread during a later
    test and destroy a finished test's Qt objects there (a closed qasync loop's timer object among
    them); Qt cannot unregister their timers from another thread, and the next timer tick crashes.
    """
    yield
    QApplication.processEvents()
    gc.collect()


@pytest.fixture
def page(qtbot, aloop, client) -> Iterator[TemplatesPage]:
    """The Templates page on the live embedded server, shown, with its list loaded."""
    yield shown_page(qtbot, aloop, client)
    QApplication.processEvents()


def shown_page(qtbot, aloop, client) -> TemplatesPage:
    widget = TemplatesPage(client)
    qtbot.addWidget(widget)
    widget.resize(1400, 860)
    widget.show()
    until(aloop, lambda: widget.list.loaded, 10)
    return widget


@pytest.fixture
def drive(qtbot, aloop, page) -> Driver:
    return Driver(qtbot, aloop, page)


@pytest.fixture
def answers(page, monkeypatch):
    """Canned answers for the page's questions; records what was asked."""

    class Answers:
        asked: ClassVar[list[tuple[str, tuple]]] = []
        unsaved = "cancel"
        conflict = "cancel"
        delete = True
        open_path: str | None = None
        save_path: str | None = None

    def canned(name: str, value: Callable[[], Any]):
        async def answer(*args: Any) -> Any:
            Answers.asked.append((name, args))
            return value()

        return answer

    Answers.asked = []
    p = page.prompter
    monkeypatch.setattr(p, "unsaved", canned("unsaved", lambda: Answers.unsaved))
    monkeypatch.setattr(p, "conflict", canned("conflict", lambda: Answers.conflict))
    monkeypatch.setattr(p, "confirm_delete", canned("confirm_delete", lambda: Answers.delete))
    monkeypatch.setattr(p, "open_file", canned("open_file", lambda: Answers.open_path))
    monkeypatch.setattr(p, "save_file", canned("save_file", lambda: Answers.save_path))
    monkeypatch.setattr(p, "error", lambda *args: Answers.asked.append(("error", args)))
    return Answers


def open_saved(aloop, client, page, body: dict) -> dict:
    """Create `body` on the server and open it in the editor, as double-clicking it in the list does."""
    created = aloop.run_until_complete(client.create_template(body))
    assert aloop.run_until_complete(page.open(created["id"]))
    return created


def drop_on(tree, uid: int, target_uid: int, where: str) -> None:
    """Drop node `uid` above / on / below the target row through the tree's own `dropEvent` (a real
    QDropEvent: its drop target, the move it asks for, the controller's undoable move)."""
    model = tree.model()
    rect = tree.visualRect(model.index_of(target_uid))
    y = {"above": rect.top() + 2, "on": rect.center().y(), "below": rect.bottom() - 2}[where]
    mime = model.mimeData([model.index_of(uid)])  # held here: the event does not own it
    event = QDropEvent(
        QPointF(rect.center().x(), y),
        Qt.DropAction.MoveAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    tree.dropEvent(event)
    assert event.isAccepted()


def tree_rows(ctl) -> list[tuple[str, list[str]]]:
    """The structure tree as the model shows it: (section title, [step labels])."""
    model = ctl.model
    out = []
    for i in range(model.rowCount()):
        section = model.index(i, 0)
        out.append(
            (section.data(), [model.index(j, 0, section).data() for j in range(model.rowCount(section))])
        )
    return out


def doc_rows(ctl) -> list[tuple[str, list[str]]]:
    return [
        (s.data.get("title") or "(untitled)", [n.data.get("label") or "(untitled)" for n in s.steps])
        for s in ctl.doc.sections
    ]
