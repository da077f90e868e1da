"""The runs table's layout reaches a fixed point: at 1024×700 with a run's detail open, the banner of a batch of
reports ("Saved 7 runs to …") set the table flipping between two layouts, with and without a sideways scroll
bar, at 90–95% of a core, clicks ignored, for minutes (the executor ref's width fed back into the rule that set
it). Counted in the table's resizes over a bounded number of event-loop turns, never on the wall clock."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import QApplication, QFileDialog

from rundun_desktop.monitor.runs_model import COL_DEVICE, COL_PROGRESS, COL_REF, COL_STATUS, COL_TEMPLATE
from rundun_desktop.monitor.runs_view import (
    CELL_PADDING,
    LEAST_PROGRESS,
    LEAST_TEMPLATE,
    NARROWEST,
    RunsView,
)
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)
from tests.support.samples import vehicle_inspection

REFS = (
    "store-alpha",
    "store-central",
    "store-east",
    "store-harbour",
    "store-north",
    "store-south",
    "store-west",
)
LIMIT = 100  # resizes in one stretch that only a loop makes: a settled table has a handful


class LayoutPasses(QObject):
    """Counts the runs table's resizes (each one a layout pass of the table). At `LIMIT` it stops the view's
    column fitting: the loop never gave the event loop back, and the test is to fail, not to hang."""

    def __init__(self, view: RunsView, monkeypatch: pytest.MonkeyPatch):
        super().__init__()
        self.view, self.monkeypatch = view, monkeypatch
        self.count = 0
        self.tripped = False
        view.table.viewport().installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Resize:
            self.count += 1
            if self.count >= LIMIT and not self.tripped:
                self.tripped = True
                self.monkeypatch.setattr(self.view, "fit_columns", lambda: None)
        return False

    def settle(self, quiet: int = 40, turns: int = 400) -> None:
        """Turn the event loop until `quiet` turns in a row lay nothing out, `turns` at most."""
        self.count = 0
        still = 0
        for _ in range(turns):
            before = self.count
            QApplication.processEvents()
            still = still + 1 if self.count == before and not self.tripped else 0
            if still >= quiet:
                return
        if self.tripped:
            raise AssertionError(
                f"the runs table laid itself out {LIMIT} times without settling (stopped there)"
            )
        raise AssertionError(f"the runs table kept laying itself out: {self.count} resizes in {turns} turns")


def assert_fits(view: RunsView) -> None:
    """Status, executor ref and progress side by side beside the detail, without a sideways scroll bar while
    they fit with the ref at its narrowest (and with one when they do not)."""
    table, header = view.table, view.table.horizontalHeader()
    assert all(not table.isColumnHidden(c) for c in (COL_STATUS, COL_REF, COL_PROGRESS))
    assert table.columnWidth(COL_REF) >= NARROWEST
    room = table.viewport().width()
    fits = header.sectionSize(COL_STATUS) + NARROWEST + header.sectionSize(COL_PROGRESS) <= room
    assert table.horizontalScrollBar().isVisible() != fits, (room, table.columnWidth(COL_REF))
    if fits:
        shown = sum(header.sectionSize(c) for c in range(header.count()) if not header.isSectionHidden(c))
        assert shown <= room, (shown, room)


def test_the_table_settles_at_1024_by_700_with_a_run_open_and_the_reports_banner(
    desktop, aloop, qtbot, monkeypatch, tmp_path
):
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    ids = [
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": ref}))["run_id"]
        for ref in REFS
    ]
    window = desktop.window
    window.view.resize(1024, 700)
    window.show_page("runs")
    runs, view = window.runs, window.runs_view
    passes = LayoutPasses(view, monkeypatch)
    runs.reload()
    wait_until(aloop, lambda: runs.model.rowCount() == len(REFS), 10)
    runs.select_run(ids[5])
    wait_until(aloop, lambda: runs.detail.run is not None and view.detail.isVisible(), 10)
    passes.settle()

    # Reports (one run selected: every run of the list) as one PDF: the banner above the table takes its height.
    path = tmp_path / "runs.pdf"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(path), "One PDF (*.pdf)"))
    qtbot.mouseClick(view.batch_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: view.message.text().startswith("Saved 7 runs to") or passes.tripped, 60)
    assert view.message.isVisible() or passes.tripped
    passes.settle()
    window.view.grab().save(str(tmp_path / "runs-1024x700.png"))
    assert_fits(view)
    assert not view.table.horizontalScrollBar().isVisible()

    # Each width around it too: the loop took a 25 px band of the table's width, where it falls with other fonts.
    for width in range(1000, 1064, 3):
        window.view.resize(width, 700)
        passes.settle()
        assert_fits(view)


def test_only_the_columns_the_server_sorts_by_look_and_act_clickable(desktop, aloop, qtbot):
    """Template, Progress, Findings, On the device and Executor took a click like the others and did nothing:
    over them the pointer is an arrow, a click is not taken and the tooltip says they cannot be sorted."""
    from PySide6.QtCore import QPoint

    from rundun_desktop.monitor.runs_model import COL_CREATED, COL_TEMPLATE

    window = desktop.window
    window.show_page("runs")
    view, runs = window.runs_view, window.runs
    header = view.table.horizontalHeader()
    model = view.table.model()

    def at(column: int) -> QPoint:
        return QPoint(header.sectionViewportPosition(column) + 10, 10)

    qtbot.mouseMove(header.viewport(), at(COL_TEMPLATE))
    wait_until(aloop, lambda: header.viewport().cursor().shape() == Qt.CursorShape.ArrowCursor, 5)
    tip = model.headerData(COL_TEMPLATE, Qt.Orientation.Horizontal, Qt.ItemDataRole.ToolTipRole)
    assert tip == "Runs cannot be sorted by this column"
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at(COL_TEMPLATE))
    assert header.sortIndicatorSection() == COL_CREATED and runs.model.sort_key == "-created_at"

    qtbot.mouseMove(header.viewport(), at(COL_REF))
    wait_until(aloop, lambda: header.viewport().cursor().shape() == Qt.CursorShape.PointingHandCursor, 5)
    qtbot.mouseClick(header.viewport(), Qt.MouseButton.LeftButton, pos=at(COL_REF))
    wait_until(aloop, lambda: runs.model.sort_key.lstrip("-") == "executor_ref", 5)


def twenty_runs_at(desktop, aloop, size: tuple[int, int]) -> RunsView:
    """Twenty runs (more than the view holds: its vertical scroll bar takes its room too) on the Runs page of a
    window of `size`; the view once its scroll bars have settled."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    for n in range(20):
        run(
            aloop,
            desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"BK-{20940 + n}"}),
        )
    window = desktop.window
    window.view.resize(*size)
    window.show_page("runs")
    runs, view = window.runs, window.runs_view
    runs.reload()
    wait_until(aloop, lambda: runs.model.rowCount() == 20, 15)
    wait_until(
        aloop, lambda: view.table.verticalScrollBar().isVisible() and window.view.size().toTuple() == size
    )
    run(aloop, asyncio.sleep(0))
    return view


def _runs_at_1024_with_executor_and_created_hidden(desktop, aloop) -> RunsView:
    """Twenty runs in a 1024×700 window, Executor and Created hidden from the header's menu; the view once its
    scroll bars have settled."""
    from rundun_desktop.monitor.runs_model import COL_CREATED, COL_IDENTITY

    view = twenty_runs_at(desktop, aloop, (1024, 700))
    view.show_column(COL_IDENTITY, False)
    view.show_column(COL_CREATED, False)
    wait_until(aloop, lambda: view.table.verticalScrollBar().isVisible(), 5)
    run(aloop, asyncio.sleep(0))
    return view


def test_the_runs_fit_a_1024_px_window_with_executor_and_created_hidden(desktop, aloop):
    """At 1024 px, Executor and Created hidden, the list still scrolled sideways, and scrolled right it lost
    Status and the executor ref: the progress and the device narrow first, then the template's name."""
    view = _runs_at_1024_with_executor_and_created_hidden(desktop, aloop)
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0  # every column in sight, Status and the ref too
    assert table.columnWidth(COL_TEMPLATE) >= 110  # narrowed, not gone
    assert table.columnWidth(COL_PROGRESS) >= 90

    desktop.window.view.resize(1360, 860)  # with room, each has its own width again
    wait_until(aloop, lambda: table.columnWidth(COL_PROGRESS) == view.widths[COL_PROGRESS], 5)
    assert table.columnWidth(COL_DEVICE) == view.widths[COL_DEVICE]
    assert table.columnWidth(COL_REF) == view.widths[COL_REF]


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("language", ["de", "es", "ar"])
def test_the_runs_fit_a_1024_px_window_in_each_language(language, request, tmp_path, aloop):
    """The supervisor in Madrid hid Executor and Created as the one in London did, and still scrolled sideways:
    Spanish's and German's wider words (a status, "⚠ 11 hallazgos", "hace 12 min", "En el dispositivo" whole
    in its header) left the progress, the device and the template too little to give. Once the template's name
    is down to its least, the executor ref narrows too, its ids still whole."""
    desktop = desktop_in(language, request, tmp_path)
    view = _runs_at_1024_with_executor_and_created_hidden(desktop, aloop)
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0  # every column in sight, in this language too
    assert table.columnWidth(COL_TEMPLATE) >= LEAST_TEMPLATE
    assert table.columnWidth(COL_PROGRESS) >= LEAST_PROGRESS
    ref = table.columnWidth(COL_REF)
    assert ref >= NARROWEST
    assert table.fontMetrics().horizontalAdvance("BK-20959") + CELL_PADDING <= ref  # an id reads whole
    bold = table.horizontalHeader().font()
    bold.setBold(True)
    word = str(table.model().headerData(COL_REF, Qt.Orientation.Horizontal))
    assert QFontMetrics(bold).horizontalAdvance(word) + 16 <= ref  # "Referencia" whole in its header

    desktop.window.view.resize(1360, 860)  # with room, the ref has its own width again
    wait_until(aloop, lambda: table.columnWidth(COL_REF) == view.widths[COL_REF], 5)


def progress_cell(table, width: int, status: str, fraction: float, text: str) -> tuple[list[int], list[int]]:
    """A progress cell painted `width` px wide in `table`'s font and direction: the columns its bar (track or
    fill) covers, and those its words' ink (dark grey, where the bar is blue, green or pale) covers."""
    from PySide6.QtCore import QRect
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionViewItem

    from rundun_desktop.monitor.delegates import DONE_GREEN, UNDER_WAY_BLUE, ProgressDelegate
    from tests.desktop.test_progress_bar import progress_model

    model = progress_model(status, fraction, text)
    image = QImage(width, 30, QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    painter = QPainter(image)
    option = QStyleOptionViewItem()
    option.rect, option.font, option.direction = QRect(0, 0, width, 30), table.font(), table.layoutDirection()
    ProgressDelegate().paint(painter, option, model.index(0, 0))
    painter.end()
    bar_colours = {DONE_GREEN, UNDER_WAY_BLUE, "#eceff5"}
    bar = [x for x in range(width) if image.pixelColor(x, 15).name() in bar_colours]
    ink = [
        x
        for x in range(width)
        if any(
            image.pixelColor(x, y).lightness() < 200 and image.pixelColor(x, y).hslSaturation() < 80
            for y in range(30)
        )
    ]
    return bar, ink


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("language", ["en", "de", "es", "ar"])
def test_the_progress_bar_reads_at_1024_by_700_in_each_language(language, request, tmp_path, aloop):
    """In the Arabic runs table at 1024×700 the progress bar had shrunk to a dot beside "n/m" and "Complete"
    (the column at its least, 90 px, left it 17 px): the column's least now holds a readable bar beside a run's
    "n/m", and each cell's words read whole, clear of the bar (a completed run's bar only where there is room:
    its word says it; the Created column must not leave the table for it, test_monitor_narrow)."""
    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.delegates import BAR_LEAST

    desktop = desktop_in(language, request, tmp_path)
    view = twenty_runs_at(desktop, aloop, (1024, 700))
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0  # no sideways scroll bought the room
    width = table.columnWidth(COL_PROGRESS)
    metrics = QFontMetrics(table.font())
    cells = [
        (
            "completed",
            1.0,
            fmt.run_progress_cell({"status": "completed", "progress": {"answered": 16, "total": 17}}),
        ),
        ("in_progress", 12 / 17, fmt.progress_text({"answered": 12, "total": 17})),
        ("pending", 0.0, fmt.progress_text({"answered": 0, "total": 17})),
    ]
    for status, fraction, text in cells:
        bar, ink = progress_cell(table, width, status, fraction, text)
        # A run under way has its bar; a completed one's word says it all, its bar there only with room.
        if status != "completed" or bar:
            assert bar and max(bar) - min(bar) + 1 >= BAR_LEAST - 4, (language, text, width)  # its round ends
            assert max(ink) < min(bar) or min(ink) > max(bar), (language, text)  # the words clear of the bar
        assert ink and max(ink) - min(ink) + 1 >= 0.75 * metrics.horizontalAdvance(text), (language, text)
    view.grab().save(str(tmp_path / f"runs-{language}-1024x700.png"))


@pytest.mark.usefixtures("catalogs")
def test_with_too_little_room_the_words_stay_whole_and_the_bar_goes(request, tmp_path, aloop):
    """Where a cell has no room for a readable bar, it shows its words whole and no bar: never a dot."""
    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.delegates import BAR_LEAST

    desktop = desktop_in("ar", request, tmp_path)
    table = twenty_runs_at(desktop, aloop, (1024, 700)).table
    metrics = QFontMetrics(table.font())
    for status, fraction, text in [
        ("completed", 1.0, fmt.run_progress_cell({"status": "completed"})),
        ("in_progress", 0.5, fmt.progress_text({"answered": 6, "total": 12})),
    ]:
        for width in range(70, 100, 5):
            bar, ink = progress_cell(table, width, status, fraction, text)
            assert not bar or len(bar) >= BAR_LEAST - 4, (text, width, len(bar))  # 4: its round ends
            assert ink and max(ink) - min(ink) + 1 >= 0.75 * metrics.horizontalAdvance(text), (text, width)
