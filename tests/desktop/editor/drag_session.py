"""Real drags in the structure tree, through Qt's own drag-and-drop machinery, in a separate process.

The test suite's `offscreen` platform ends every `QDrag.exec()` at once with no drop, so a drag there
never reaches the code that broke (QAbstractItemView::startDrag removing the dragged rows after a
move). Qt's `minimal` platform runs the real QSimpleDrag loop: a mouse press, moves past the drag
distance, and a release at the target go through startDrag → QDrag.exec → DragEnter/DragMove/Drop →
the view's dropEvent → the end of startDrag, exactly as on a desktop. `test_drag_and_drop.py` runs
this module with `QT_QPA_PLATFORM=minimal`; it exits 0 when every check held and prints what failed
otherwise.

    python -m tests.desktop.editor.drag_session fixed     # the moves of the issue, each undone and redone
    python -m tests.desktop.editor.drag_session property  # hypothesis: random drags, undos and redos
    python -m tests.desktop.editor.drag_session indicator # every pixel of a row: lands where the line showed
"""

from __future__ import annotations

import json
import os
import sys
from typing import Any

from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication

LEFT, NO_MOD = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
_Drop = QAbstractItemView.DropIndicatorPosition
INDICATOR = {_Drop.AboveItem: "above", _Drop.OnItem: "on", _Drop.BelowItem: "below"}


def template() -> dict[str, Any]:
    """Three sections of three steps, no conditions: every order of them is a valid template."""
    return {
        "name": "Drag check",
        "sections": [
            {
                "id": f"g-{s}",
                "title": f"Section {s}",
                "steps": [
                    {"id": f"s-{s}{n}", "type": "boolean", "label": f"Step {s}.{n}"} for n in range(1, 4)
                ],
            }
            for s in "abc"
        ],
    }


class Session:
    """The real editor view and controller, shown in a window, dragged with the mouse."""

    def __init__(self) -> None:
        from rundun_desktop.editor.editor_controller import EditorController
        from rundun_desktop.editor.editor_view import EditorView

        self.view = EditorView()
        self.ctl = EditorController(self.view)
        self.view.resize(1300, 900)
        self.view.show()
        self.load(template())
        self.drags_seen = 0

    def load(self, body: dict[str, Any]) -> None:
        self.ctl.load(body)
        QApplication.processEvents()

    # -- input ----------------------------------------------------------------------------------------
    def rows(self) -> list[int]:
        """The uids of the tree's rows, top to bottom as shown."""
        model, out = self.ctl.model, []
        for i in range(model.rowCount()):
            section = model.index(i, 0)
            out.append(section.data(Qt.ItemDataRole.UserRole + 1))
            out += [
                model.index(j, 0, section).data(Qt.ItemDataRole.UserRole + 1)
                for j in range(model.rowCount(section))
            ]
        return out

    def drag(self, uid: int, target_uid: int | None, where: str, offset: int | None = None) -> str:
        """Press on `uid`'s row, move past the drag distance, and release above / on / below the target row
        (or in the empty space under the last row when `target_uid` is None), or `offset` pixels under the
        target row's top; what the drop indicator showed just before the release ("above", "on", "below")."""
        tree, viewport = self.view.tree, self.view.tree.viewport()
        tree.expandAll()
        QApplication.processEvents()
        source = tree.visualRect(self.ctl.model.index_of(uid)).center()
        if target_uid is None:
            last = tree.visualRect(tree.indexAt(QPoint(5, viewport.height() - 1)))
            bottom = max(
                r.bottom() for r in (tree.visualRect(self.ctl.model.index_of(u)) for u in self.rows())
            )
            target = QPoint(source.x(), bottom + 20) if bottom + 20 < viewport.height() else last.center()
        else:
            rect = tree.visualRect(self.ctl.model.index_of(target_uid))
            y = {"above": rect.top() + 2, "on": rect.center().y(), "below": rect.bottom() - 2}.get(where, 0)
            target = QPoint(rect.center().x(), rect.top() + offset if offset is not None else y)
        inside: list[bool] = []
        shown: list[str] = []

        def during_the_drag() -> None:  # runs inside QDrag.exec's loop
            inside.append(tree.state() == QAbstractItemView.State.DraggingState)
            QTest.mouseMove(viewport, target + QPoint(0, 1))
            QTest.mouseMove(viewport, target)
            shown.append(INDICATOR.get(tree.dropIndicatorPosition(), "viewport"))
            QTest.mouseRelease(viewport, LEFT, NO_MOD, target)

        QTimer.singleShot(0, during_the_drag)
        QTest.mousePress(viewport, LEFT, NO_MOD, source)
        QTest.mouseMove(viewport, source + QPoint(0, 3))
        QTest.mouseMove(viewport, source + QPoint(0, QApplication.startDragDistance() + 12))
        QApplication.processEvents()
        if not inside:
            raise AssertionError("the drag never started")
        self.drags_seen += 1
        return shown[0] if shown else "none"

    def undo(self) -> None:
        self.view.actions_["undo"].trigger()
        QApplication.processEvents()

    def redo(self) -> None:
        self.view.actions_["redo"].trigger()
        QApplication.processEvents()

    # -- what each part shows -------------------------------------------------------------------------
    def tree_ids(self) -> list[tuple[str, list[str]]]:
        model = self.ctl.model
        id_role = Qt.ItemDataRole.UserRole + 8
        out = []
        for i in range(model.rowCount()):
            section = model.index(i, 0)
            steps = [model.index(j, 0, section) for j in range(model.rowCount(section))]
            out.append((section.data(id_role), [s.data(id_role) for s in steps]))
        return out

    def doc_ids(self) -> list[tuple[str, list[str]]]:
        return [(s.data["id"], [n.data["id"] for n in s.steps]) for s in self.ctl.doc.sections]

    def json_ids(self) -> list[tuple[str, list[str]]]:
        side = self.view.side
        side.setCurrentWidget(self.view.json_view)
        QApplication.processEvents()
        body = json.loads(self.view.json_view.editor.toPlainText())
        return [(s["id"], [n["id"] for n in s["steps"]]) for s in body["sections"]]

    def preview_ids(self) -> list[tuple[str, list[str]]] | None:
        """The sections the preview holds, and (checked against them) the cards of the section on show;
        None when the template is not valid (the preview then keeps its last valid version)."""
        self.view.side.setCurrentWidget(self.view.preview)
        QApplication.processEvents()
        if self.ctl.details:
            return None
        preview = self.view.preview
        sections = [(s["id"], [n["id"] for n in s["steps"]]) for s in preview.body["sections"]]
        shown = [card.step_id for card in preview.shown]
        assert shown == sections[preview.section][1], f"preview cards {shown} ≠ {sections[preview.section]}"
        return sections

    def check(self, what: str) -> list[tuple[str, list[str]]]:
        """After every step: the tree, the JSON and the preview equal the document, every tree row has
        a live item with a label, and each section's painted count is its number of steps."""
        self.ctl.flush()
        doc = self.doc_ids()
        problems = []
        if self.tree_ids() != doc:
            problems.append(f"tree {self.tree_ids()}")
        for uid, item in self.ctl.model.items.items():
            try:
                item.index()
            except RuntimeError:
                problems.append(f"the item of node {uid} was deleted")
        model = self.ctl.model
        for i, section in enumerate(self.ctl.doc.sections):
            if model.rowCount(model.index(i, 0)) != len(section.steps):
                problems.append(f"section {section.data['id']} counts {model.rowCount(model.index(i, 0))}")
            for j in range(model.rowCount(model.index(i, 0))):
                if not model.index(j, 0, model.index(i, 0)).data():
                    problems.append(f"a blank row in {section.data['id']}")
        if self.json_ids() != doc:
            problems.append(f"JSON {self.json_ids()}")
        preview = self.preview_ids()
        if preview is not None and preview != doc:
            problems.append(f"preview {preview}")
        if problems:
            raise AssertionError(f"after {what}: document {doc}, but " + "; ".join(problems))
        return doc


def ids(session: Session, *names: str) -> list[int]:
    return [session.ctl.doc.find(name).uid for name in names]


def fixed(session: Session) -> None:
    """The moves of the issue, each checked, undone and redone, with where they land asserted."""
    expected = {
        "a step above another of its section": (("s-a3", "s-a1", "above"), ["s-a3", "s-a1", "s-a2"]),
        "a step below another of its section": (("s-a1", "s-a2", "below"), ["s-a2", "s-a1", "s-a3"]),
        "a step into another section": (("s-b2", "s-a2", "above"), ["s-a1", "s-b2", "s-a2", "s-a3"]),
        "a whole section above the first": (("g-c", "g-a", "above"), None),
    }
    for what, ((source, target, where), first_section) in expected.items():
        session.load(template())
        before = session.check("loading")
        uid, target_uid = ids(session, source, target)
        session.drag(uid, target_uid, where)
        after = session.check(what)
        assert after != before, f"{what}: nothing moved"
        if first_section is not None:
            assert after[0][1] == first_section, f"{what}: {after[0][1]}"
        else:
            assert [s for s, _ in after] == ["g-c", "g-a", "g-b"], f"{what}: {after}"
        assert session.ctl.current_uid() == uid, f"{what}: the moved node is not selected"
        session.undo()
        assert session.check(f"undo of {what}") == before
        session.redo()
        assert session.check(f"redo of {what}") == after
        session.undo()
        assert session.check(f"second undo of {what}") == before
    # two drags in a row, then both undone and redone
    session.load(template())
    start = session.check("loading")
    session.drag(*ids(session, "s-a1", "s-c3"), "below")
    middle = session.check("a drag to the end of the last section")
    session.drag(*ids(session, "g-b"), None, "")
    end = session.check("a section dropped below every row")
    assert [s for s, _ in end] == ["g-a", "g-c", "g-b"], end
    session.undo()
    assert session.check("undo") == middle
    session.undo()
    assert session.check("undo") == start
    session.redo()
    session.redo()
    assert session.check("redo twice") == end


def prop(session: Session, examples: int) -> None:
    """Random drags (any row onto any row, above / on / below), undos and redos: after every step the
    tree, the JSON and the preview equal the document, and undoing everything gives the start back."""
    from hypothesis import HealthCheck, given, settings
    from hypothesis import strategies as st

    action = st.one_of(
        st.tuples(
            st.just("drag"), st.integers(0, 99), st.integers(0, 99), st.sampled_from(["above", "on", "below"])
        ),
        st.tuples(st.just("undo")),
        st.tuples(st.just("redo")),
    )

    @settings(
        max_examples=examples,
        deadline=None,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    @given(st.lists(action, min_size=1, max_size=8))
    def sequence(actions: list[tuple]) -> None:
        session.load(template())
        start = session.check("loading")
        for n, act in enumerate(actions):
            if act[0] == "drag":
                rows = session.rows()
                session.drag(rows[act[1] % len(rows)], rows[act[2] % len(rows)], act[3])
            elif act[0] == "undo":
                session.undo()
            else:
                session.redo()
            session.check(f"action {n + 1} of {actions}")
        while session.ctl.stack.canUndo():
            session.undo()
        assert session.check(f"undoing all of {actions}") == start

    sequence()


def indicator(session: Session) -> list[str]:
    """The last step dragged onto every pixel row of a step and of a section heading: it lands where Qt's drop
    indicator showed just before the release (a line above or below a step; above a heading: the end of the
    section before; a box around it: into that section, at its end; below it: first in it). What went wrong."""
    expected = {
        ("s-b2", "above"): ["s-b1", "s-c3", "s-b2", "s-b3"],
        ("s-b2", "below"): ["s-b1", "s-b2", "s-c3", "s-b3"],
        ("g-b", "above"): ["s-a1", "s-a2", "s-a3", "s-c3"],
        ("g-b", "on"): ["s-b1", "s-b2", "s-b3", "s-c3"],
        ("g-b", "below"): ["s-c3", "s-b1", "s-b2", "s-b3"],
    }
    wrong: list[str] = []
    for target in ("s-b2", "g-b"):
        session.load(template())
        height = session.view.tree.visualRect(session.ctl.model.index_of(ids(session, target)[0])).height()
        for offset in range(height):
            session.load(template())
            uid, target_uid = ids(session, "s-c3", target)
            shown = session.drag(uid, target_uid, "", offset)
            landed = session.check(f"a drop {offset} px into {target}")
            where = "g-a" if (target, shown) == ("g-b", "above") else "g-b"
            got = next(steps for section, steps in landed if section == where)
            if got != expected.get((target, shown)):
                wrong.append(
                    f"{offset} px into {target}: the indicator showed {shown!r}, {where} is now {got}"
                )
    return wrong


def main(argv: list[str]) -> int:
    if os.environ.get("QT_QPA_PLATFORM") != "minimal":
        print("run with QT_QPA_PLATFORM=minimal (the offscreen platform has no drag loop)", file=sys.stderr)
        return 2
    app = QApplication.instance() or QApplication(sys.argv[:1])
    session = Session()
    if argv[:1] == ["fixed"]:
        fixed(session)
    elif argv[:1] == ["indicator"]:
        wrong = indicator(session)
        if wrong:
            print("\n".join(wrong))
            return 1
    elif argv[:1] == ["property"]:
        prop(session, int(argv[1]) if len(argv) > 1 else 25)
    else:
        print(__doc__, file=sys.stderr)
        return 2
    print(f"ok: {session.drags_seen} real drags checked")
    session.view.close()
    app.processEvents()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
