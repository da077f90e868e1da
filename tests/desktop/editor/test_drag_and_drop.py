"""Drag and drop in the structure tree keeps the tree, the preview and the JSON equal to the document.

Real drags need a platform with a drag loop: `drag_session.py` runs the editor under Qt's `minimal`
platform in a child process (this suite's `offscreen` platform drops every drag at once). In this
process, the model is checked against what Qt's item views do to it on their own.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import QModelIndex, Qt

from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.tree_model import StructureModel
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved
from .drag_session import template

ROOT = Path(__file__).resolve().parents[3]


def run_session(*args: str) -> str:
    env = {**os.environ, "QT_QPA_PLATFORM": "minimal", "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.desktop.editor.drag_session", *args],
        check=False,
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.returncode == 0, done.stdout[-3000:] + done.stderr[-6000:]
    return done.stdout


def test_real_drags_within_across_and_of_sections_survive_undo_and_redo():
    """A step above / below another of its section, into another section, a whole section, two drags in
    a row: after each, and after each undo and redo, the tree, the preview and the JSON equal the
    document (the drag, drop and end of drag all run through Qt's QDrag machinery)."""
    assert "ok: 6 real drags checked" in run_session("fixed")


def test_a_step_lands_where_the_drop_indicator_showed_at_every_pixel_of_a_row():
    """Dropped a third of the way down a step, where Qt's line showed above it, a step landed below it; dropped
    on a section heading's box near its top, it went to the end of the section before. The drop now reads the
    row by the indicator's own bands: every pixel row of a step and of a heading is checked."""
    assert "ok: 64 real drags checked" in run_session("indicator")


def test_random_drags_undos_and_redos_keep_the_tree_equal_to_the_document():
    """Hypothesis: random sequences of real drags (any row onto any row), undos and redos."""
    assert "real drags checked" in run_session("property", "25")


def test_the_tree_model_changes_only_with_the_document(qapp):
    """What Qt's views do to a model by themselves (remove the dragged rows after a move, insert a drop,
    write an edited value) is refused: the document is the tree's only writer."""
    doc = TemplateDoc(vehicle_inspection())
    model = StructureModel(doc)
    section = model.index(0, 0)
    before = [model.index(i, 0, section).data() for i in range(model.rowCount(section))]
    assert not model.removeRows(0, 1, section)
    assert not model.insertRows(0, 1, section)
    assert not model.moveRows(section, 0, 1, section, 3)
    assert not model.dropMimeData(model.mimeData([model.index(0, 0, section)]), 2, 0, 0, QModelIndex())
    assert not model.setData(model.index(0, 0, section), "renamed")
    assert [model.index(i, 0, section).data() for i in range(model.rowCount(section))] == before
    first = doc.sections[0].steps[0]
    doc.move_step(first.uid, doc.sections[0].uid, 2)  # the document's own move still shows
    assert model.index(2, 0, section).data() == first.data["label"]


def test_sections_folded_to_reorder_them_stay_folded_when_dragged_moved_and_undone(
    drive: Driver, aloop, client, page
):
    """A designer folds the sections of a long template to reorder them: each one dragged, moved with
    Alt+Down or brought back by Undo came back unfolded, its steps pushing the others down. A section keeps
    the fold it had; an unfolded one stays unfolded."""
    d = drive
    open_saved(aloop, client, page, template())
    doc, tree = d.ctl.doc, d.view.tree
    a, b, c = (doc.find(s).uid for s in ("g-a", "g-b", "g-c"))
    for uid in (a, b):  # folded as a designer does: the row selected, then Left
        d.select_node(uid)
        d.key(tree, Qt.Key.Key_Left)

    def folds() -> dict[str, bool]:
        return {s.data["id"]: tree.isExpanded(d.ctl.model.index_of(s.uid)) for s in doc.sections}

    assert folds() == {"g-a": False, "g-b": False, "g-c": True}
    d.drop(a, c, "below")  # the section's own drop path, as a drag ends
    assert [s.data["id"] for s in doc.sections] == ["g-b", "g-c", "g-a"]
    assert folds() == {"g-b": False, "g-c": True, "g-a": False}
    d.key(tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert [s.data["id"] for s in doc.sections] == ["g-a", "g-b", "g-c"]
    assert folds() == {"g-a": False, "g-b": False, "g-c": True}
    d.select_node(c)
    d.key(tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # an unfolded one stays unfolded
    assert [s.data["id"] for s in doc.sections] == ["g-a", "g-c", "g-b"]
    assert folds() == {"g-a": False, "g-c": True, "g-b": False}
