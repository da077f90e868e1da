"""Template editor performance on a 1,000-step template, against a plain-Qt baseline in the same run.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/editor_perf.py [--steps 1000] [--repeat 40]

Targets (issue "Visual template editor"): the template opens in ≤ 500 ms; one edit (change a label,
move a step) applies in ≤ 16 ms; its undo in ≤ 16 ms. Every timing includes `processEvents()` and a
forced repaint of the whole visible tree (see `timed`), for the editor and the baselines alike. The
baselines are plain Qt doing the least possible: building a QTreeWidget of the same 1,000 items (for
opening) and `setText` on one visible QTreeWidgetItem (for an edit). The verdict column compares the
p95 with the target.
Validation, preview and JSON refresh run 150 ms after the last edit, off the edit path: their cost
is reported separately ("deferred refresh").
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QTreeWidget, QTreeWidgetItem

from server.tdl import STEP_TYPES


def big_template(steps: int, per_section: int = 100) -> dict:
    """A valid template of `steps` steps in sections of `per_section`, every type, some conditions."""
    sections = []
    for s in range(steps // per_section):
        rows = []
        for i in range(per_section):
            n = s * per_section + i
            step_type = STEP_TYPES[n % len(STEP_TYPES)]
            step: dict = {"id": f"s-{n}", "type": step_type, "label": f"Step {n}: check item {n}"}
            if step_type in ("choice", "multi_choice"):
                step["config"] = {"options": [{"id": f"o-{n}-{k}", "label": f"Option {k}"} for k in range(4)]}
            if n % len(STEP_TYPES) == 2 and n > 10:  # a condition on the yes/no step two before
                step["condition"] = {"when": {"step": f"s-{n - 2}", "op": "eq", "value": True}}
            rows.append(step)
        sections.append({"id": f"g-{s}", "title": f"Section {s}", "steps": rows})
    return {"name": f"Benchmark, {steps} steps", "sections": sections}


def ms(seconds: float) -> float:
    return seconds * 1000


def timed(fn: Callable[[], object], app: QApplication, view=None) -> float:
    """Milliseconds to run `fn`, let Qt process what it posted and, with `view`, repaint that view's
    whole viewport. Qt 6 paints on a frame timer, so `processEvents()` alone may or may not include
    the repaint; forcing a full one counts painting every time, and more than an edit really needs."""
    start = time.perf_counter()
    fn()
    app.processEvents()
    if view is not None:
        view.viewport().repaint()
    return ms(time.perf_counter() - start)


def stats(samples: list[float]) -> tuple[float, float]:
    ordered = sorted(samples)
    return statistics.median(ordered), ordered[max(0, int(len(ordered) * 0.95) - 1)]


def baseline_tree(body: dict, app: QApplication) -> tuple[float, QTreeWidget]:
    tree = QTreeWidget()
    tree.setHeaderHidden(True)
    tree.resize(400, 800)
    tree.show()
    app.processEvents()

    def build() -> None:
        for section in body["sections"]:
            top = QTreeWidgetItem(tree, [section["title"]])
            for step in section["steps"]:
                QTreeWidgetItem(top, [step["label"]])
        tree.expandAll()

    return timed(build, app, tree), tree


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=40)
    args = parser.parse_args()

    app = QApplication.instance() or QApplication(sys.argv)
    from rundun_desktop.editor import TemplatesPage

    body = big_template(args.steps)
    base_open, base_tree = baseline_tree(body, app)
    item = base_tree.topLevelItem(0).child(5)
    base_edit = stats(
        [timed(lambda i=i: item.setText(0, f"Label {i}"), app, base_tree) for i in range(args.repeat)]
    )

    page = TemplatesPage(api=None)
    page.resize(1400, 860)
    page.show()
    app.processEvents()

    # Open: load the body, show the editor with the tree expanded and the first step selected, painted.
    ctl = page.editor
    tree = page.editor_view.tree
    opens = []
    for _ in range(5):
        opens.append(timed(lambda: page.open_body(body), app, tree))
    first_refresh = timed(ctl.refresh, app)
    assert not ctl.details, ctl.details[:3]

    uid = ctl.doc.find_step("s-550").uid
    ctl.select(uid)
    app.processEvents()

    def edit_and_undo(do: Callable[[int], object]) -> tuple[list[float], list[float]]:
        edits, undos = [], []
        for i in range(args.repeat):
            edits.append(timed(lambda i=i: do(i), app, tree))
            undos.append(timed(ctl.stack.undo, app, tree))
        return edits, undos

    label_edit, label_undo = edit_and_undo(lambda i: ctl.editor.set_value(uid, ("label",), f"Renamed {i}"))
    # Moves as the keyboard (Alt+Down / Alt+Up) and a drop do them: through the controller, which also
    # keeps the moved step selected and its properties on show.
    move_edit, move_undo = edit_and_undo(lambda i: ctl.move(+1 if i % 2 == 0 else -1))
    drop = page.editor_view.tree.move_requested
    cross_edit, cross_undo = edit_and_undo(lambda i: drop.emit(uid, ctl.doc.sections[8].uid, 10))

    # The same label edit as a designer makes it: a key press in the label field, through the binding.
    field = ctl.properties.step_panel.label_edit
    field.setFocus()
    typing = [timed(lambda: QTest.keyClick(field, Qt.Key.Key_A), app, tree) for _ in range(args.repeat)]

    # What runs 150 ms after the last edit: validation, problems, the preview page, the condition editor.
    refreshes = []
    for i in range(10):
        ctl.editor.set_value(uid, ("label",), f"Refreshed {i}")
        refreshes.append(timed(ctl.refresh, app))

    base_median = base_edit[0]
    print(
        f"Template editor, {args.steps} steps in {len(body['sections'])} sections "
        f"(median / p95 of {args.repeat} runs; opening: of 5)"
    )
    print(f"  baseline: QTreeWidget of the same items built   {base_open:8.1f} ms")
    print(f"  baseline: QTreeWidgetItem.setText + repaint      {base_median:8.2f} ms")
    rows = [
        ("open (tree, selection, panels; painted)", stats(opens), 500.0, base_open),
        ("change a label (one undo command)", stats(label_edit), 16.0, base_median),
        ("  its undo", stats(label_undo), 16.0, base_median),
        ("type one character in the label field", stats(typing), 16.0, base_median),
        ("move a step down/up (Alt+Down)", stats(move_edit), 16.0, base_median),
        ("  its undo", stats(move_undo), 16.0, base_median),
        ("move a step to another section (drop)", stats(cross_edit), 16.0, base_median),
        ("  its undo", stats(cross_undo), 16.0, base_median),
    ]
    print(f"  {'':44}{'median':>9}{'p95':>9}{'target':>9}{'× baseline':>12}")
    for name, (median, p95), target, base in rows:
        verdict = "ok" if p95 <= target else "OVER"
        print(f"  {name:44}{median:8.2f} {p95:8.2f} {target:8.0f}  {median / base:9.1f}×  {verdict}")
    median, p95 = stats(refreshes)
    print("  deferred refresh, 150 ms after the last edit (validate, problems, preview), off the edit path:")
    print(
        f"    after opening {first_refresh:.1f} ms (builds the preview page); after an edit: median {median:.1f}, "
        f"p95 {p95:.1f} ms"
    )


if __name__ == "__main__":
    main()
