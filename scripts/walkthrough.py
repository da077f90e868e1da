"""A whole day with the desktop app, in the real app objects, with a screenshot at every step.

A designer creates a template in the editor (a name, three steps, a drag that reorders them, undo and
redo of the drag, Save); a supervisor dispatches it; an executor opens the run on this computer and answers
it across two restarts of the app; the run is completed and the supervisor sees it in the monitor. Each
step saves `NN-what.png` (the window as Qt draws it) into the folder given, and, in a real X session, the
whole screen as the X server shows it (`NN-what-screen.png`, with ImageMagick's `import`).

    xvfb-run -s "-screen 0 1280x900x24" env QT_QPA_PLATFORM=xcb .venv/bin/python scripts/walkthrough.py /tmp/day
    QT_QPA_PLATFORM=minimal .venv/bin/python scripts/walkthrough.py /tmp/day   # no X: Qt's own drag loop

The drag is made the way a person makes it: in an X session by the mouse (`xdotool`), otherwise through Qt's
`minimal` platform drag loop with synthesized mouse events. The walk stops at the first step that fails and
says which one; the screenshots up to there stay.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

os.environ["RUNDUN_DESKTOP_KEYRING"] = "0"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import qasync
from PySide6.QtCore import QPoint, Qt, QTimer
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QWidget

from rundun_desktop.desktop_app import DesktopApp
from rundun_desktop.paths import AppPaths
from rundun_desktop.style import apply_style

SIZE = (1280, 860)


class Walk:
    """One day: the app (restarted twice), the screenshots, and what each step saw."""

    def __init__(self, out: Path, home: Path) -> None:
        self.out, self.home = out, home
        self.n = 0
        self.app: DesktopApp | None = None
        self.notes: list[str] = []
        self.x_session = bool(os.environ.get("DISPLAY")) and os.environ.get("QT_QPA_PLATFORM", "xcb") == "xcb"

    # -- the app --------------------------------------------------------------------------------------
    async def start(self) -> DesktopApp:
        self.app = DesktopApp(AppPaths.under(self.home), use_keyring=False)
        self.app.window.view.resize(*SIZE)
        self.app.window.view.move(0, 0)
        await self.app.start()
        await until(lambda: self.app.connection.state == "connected", 30, "the app connects")
        return self.app

    async def restart(self) -> DesktopApp:
        """Quit the app as a user does (close the window) and start it again on the same data."""
        assert self.app is not None
        view = self.app.window.view
        view.close()
        await self.app.close()
        view.deleteLater()
        await asyncio.sleep(0.3)
        return await self.start()

    @property
    def window(self):
        assert self.app is not None
        return self.app.window

    # -- evidence -------------------------------------------------------------------------------------
    async def shot(self, what: str, note: str = "") -> None:
        await asyncio.sleep(0.4)  # the debounced refreshes (validation, preview) and paints settle
        self.n += 1
        name = f"{self.n:02d}-{what}"
        self.window.view.grab().save(str(self.out / f"{name}.png"))
        if self.x_session and shutil.which("import"):
            grab = await asyncio.create_subprocess_exec(
                "import", "-window", "root", str(self.out / f"{name}-screen.png")
            )
            await grab.wait()
        line = f"{name}: {note}" if note else name
        self.notes.append(line)
        print(line, flush=True)


async def until(predicate: Callable[[], Any], timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError(f"not within {timeout:.0f} s: {what}")
        await asyncio.sleep(0.05)


def type_text(widget: QWidget, text: str, enter: bool = False) -> None:
    widget.setFocus()
    if hasattr(widget, "selectAll"):
        widget.selectAll()
    QTest.keyClicks(widget, text)
    if enter:
        QTest.keyClick(widget, Qt.Key.Key_Return)


def click(widget: QWidget) -> None:
    QTest.mouseClick(widget, Qt.MouseButton.LeftButton)


# -- the drag, as a person makes it ---------------------------------------------------------------------
async def drag_row(walk: Walk, tree, source: QPoint, target: QPoint, moved: Callable[[], bool]) -> str:
    """Drag from `source` to `target` (viewport coordinates) and wait until `moved()`; says how."""
    viewport = tree.viewport()
    if walk.x_session and shutil.which("xdotool"):
        a, b = viewport.mapToGlobal(source), viewport.mapToGlobal(target)
        steps = [f"mousemove --sync {a.x()} {a.y()}", "mousedown 1"]
        for i in range(1, 9):  # a person's drag: several moves, not one jump
            y = a.y() + (b.y() - a.y()) * i // 8
            steps.append(f"mousemove --sync {b.x()} {y}")
            steps.append("sleep 0.05")
        steps += ["sleep 0.2", "mouseup 1"]
        mouse = await asyncio.create_subprocess_exec("xdotool", *" ".join(steps).split())
        how = "by the mouse (xdotool, X server)"
    else:

        def during() -> None:
            QTest.mouseMove(viewport, target + QPoint(0, 1))
            QTest.mouseMove(viewport, target)
            QTest.mouseRelease(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, target)

        QTimer.singleShot(0, during)
        QTest.mousePress(viewport, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, source)
        QTest.mouseMove(viewport, source + QPoint(0, 3))
        QTest.mouseMove(viewport, source + QPoint(0, QApplication.startDragDistance() + 12))
        how = "through Qt's drag loop (minimal platform)"
    await until(moved, 15, "the dragged row lands")
    if walk.x_session and shutil.which("xdotool"):
        await mouse.wait()
    return how


# -- the day --------------------------------------------------------------------------------------------
async def designer(walk: Walk) -> str:
    window = walk.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    await until(lambda: page.list.loaded, 15, "the template list loads")
    await walk.shot("template-list", "the designer opens Templates")
    click(page.list_view.new_button)
    ctl = page.editor
    view = page.editor_view
    await until(lambda: page.editing, 5, "the editor opens")
    view.middle.setCurrentIndex(1)
    type_text(view.template_panel.name_edit, "Van handover")
    view.middle.setCurrentIndex(0)
    first = ctl.doc.sections[0].steps[0].uid
    ctl.select(first)
    ctl.editor.set_type(first, "number")
    type_text(ctl.properties.step_panel.label_edit, "Odometer reading")
    ctl.add_step("boolean")
    type_text(ctl.properties.step_panel.label_edit, "Any new damage?")
    notes = ctl.add_step("text")
    type_text(ctl.properties.step_panel.label_edit, "Notes for the next driver")
    ctl.flush()
    await walk.shot("editor-three-steps", "a new template, three steps typed in")

    labels = lambda: [n.data["label"] for n in ctl.doc.sections[0].steps]
    tree = view.tree
    source = tree.visualRect(ctl.model.index_of(notes)).center()
    top = tree.visualRect(ctl.model.index_of(first))
    target = QPoint(top.center().x(), top.top() + 3)
    how = await drag_row(walk, tree, source, target, lambda: labels()[0] == "Notes for the next driver")
    rows = [
        ctl.model.index(i, 0, ctl.model.index(0, 0)).data()
        for i in range(ctl.model.rowCount(ctl.model.index(0, 0)))
    ]
    await walk.shot("editor-after-drag", f"dragged “Notes” above “Odometer” {how}; tree {rows}")
    view.actions_["undo"].trigger()
    await walk.shot("editor-undo", f"undo: document {labels()}")
    view.actions_["redo"].trigger()
    await walk.shot("editor-redo", f"redo: document {labels()}")
    click(view.save_button)
    await until(lambda: page.saver.version == 1, 15, "the template saves")
    await walk.shot("editor-saved", f"saved as version {page.saver.version}: {view.version.text()}")
    return page.saver.template_id


async def supervisor_dispatches(walk: Walk, template_id: str) -> str:
    window = walk.window
    window.show_page("runs")
    dialog = window.runs.open_dispatch()
    await until(lambda: dialog.view.dispatch_button.isEnabled(), 15, "the dispatch dialog loads")
    dialog.view.template.setCurrentIndex(dialog.view.template.findData(template_id))
    type_text(dialog.view.executor_ref, "VAN-7")
    await walk.shot("dispatch-form", "the supervisor fills in the dispatch dialog")
    await dialog.dispatch()
    link = dialog.result["link"]
    dialog.view.grab().save(str(walk.out / f"{walk.n + 1:02d}-dispatch-link.png"))
    walk.n += 1
    walk.notes.append(f"{walk.n:02d}-dispatch-link: {link}")
    print(walk.notes[-1], flush=True)
    dialog.view.accept()
    return link


async def executor_page(walk: Walk):
    walk.window.show_page("executor")
    page = walk.window.executor_page.ensure()
    await asyncio.sleep(0.2)
    return page


async def executor_answers(walk: Walk, link: str) -> str:
    page = await executor_page(walk)
    run_id = await page.open_link(link)
    if not run_id:
        raise RuntimeError(f"the run did not open: {page.inbox_view.message.text()}")
    cards = page.runner.cards
    odometer = next(
        c for c in cards.values() if getattr(c, "step", None) and c.step.label == "Odometer reading"
    )
    type_text(odometer.input.edit, "42150", enter=True)
    await page.runner.settle()
    await walk.shot("executor-first-answer", f"the executor opened the run and typed 42150 ({run_id})")
    return run_id


async def executor_after_restart(walk: Walk, run_id: str, answer: Callable) -> None:
    page = await executor_page(walk)
    await page.show_run(run_id)
    await until(lambda: page.runner.cards, 10, "the run shows again after the restart")
    await answer(page)
    await page.runner.settle()


def card_by_label(page, label: str):
    return next(c for c in page.runner.cards.values() if getattr(c, "step", None) and c.step.label == label)


async def day(out: Path, home: Path) -> list[str]:
    walk = Walk(out, home)
    try:
        await walk.start()
        await walk.shot("start", "the app starts on its embedded server")
        template_id = await designer(walk)
        link = await supervisor_dispatches(walk, template_id)
        run_id = await executor_answers(walk, link)

        await walk.restart()
        await walk.shot("restart-1", "the app restarted (first time)")

        async def damage(page) -> None:
            click(card_by_label(page, "Any new damage?").input.buttons[False])

        await executor_after_restart(walk, run_id, damage)
        await walk.shot("executor-after-restart-1", "the executor answers “no new damage”")

        await walk.restart()
        await walk.shot("restart-2", "the app restarted (second time)")

        async def notes(page) -> None:
            type_text(
                card_by_label(page, "Notes for the next driver").input.edit, "Keys in the box.", enter=True
            )

        await executor_after_restart(walk, run_id, notes)
        page = await executor_page(walk)
        click(page.runner_view.complete_button)
        await until(lambda: page.runner_view.confirm_complete.isVisible(), 10, "Complete asks to confirm")
        click(page.runner_view.confirm_complete.ok)
        try:
            await until(lambda: "Completed and sent" in page.runner_view.banner.text(), 30, "the run is sent")
            sent = "completed and sent"
        except TimeoutError as exc:
            sent = f"NOT SENT: {exc}; banner: {page.runner_view.banner.text()!r}; sync bar: {page.sync_bar.words.text()} {page.sync_bar.error.text()}"
        await walk.shot("executor-completed", sent)

        window = walk.window
        window.show_page("runs")
        window.runs.reload()
        await until(lambda: window.runs.model.row_of(run_id) is not None, 15, "the run is listed")
        window.runs.select_run(run_id)
        await until(
            lambda: window.runs.detail.run and window.runs.detail.run["run_id"] == run_id, 15, "detail"
        )
        status = window.runs.detail.run["status"]
        await walk.shot("monitor", f"the supervisor sees the run: {status}")
    except Exception as exc:  # noqa: BLE001 (any failure: the walk says where it stopped; the screenshots stay)
        walk.notes.append(f"STOPPED: {type(exc).__name__}: {exc}")
        print(walk.notes[-1], flush=True)
        if walk.app is not None:
            await walk.shot("stopped", str(exc))
    finally:
        if walk.app is not None:
            walk.app.window.view.close()
            await walk.app.close()
    return walk.notes


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("out", type=Path, help="folder for the screenshots (made if missing)")
    parser.add_argument("--home", type=Path, help="the app's data folder (default: a new temporary one)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    home = args.home or Path(tempfile.mkdtemp(prefix="rundun-walk-"))
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setQuitOnLastWindowClosed(False)
    apply_style(app)
    notes = qasync.run(day(args.out, home))
    (args.out / "walkthrough.txt").write_text("\n".join(notes) + "\n", encoding="utf-8")
    return 1 if any(n.startswith("STOPPED") for n in notes) else 0


if __name__ == "__main__":
    sys.exit(main())
