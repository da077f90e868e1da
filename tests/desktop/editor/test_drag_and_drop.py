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

from PySide6.QtCore import QModelIndex

from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.tree_model import StructureModel
from tests.support.samples import vehicle_inspection

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
