"""The runs table in a 1024×700 window with every column at its default, in each language: it scrolled sideways
(Created, Updated and Expires out of sight on the right) unless the person hid Executor and Created. Now the
columns a narrow window can spare (NARROW_ASIDE) step aside by themselves, detail open or closed, and come back
when the window is widened; what the person chose in the header's menu wins over that default."""

from __future__ import annotations

import asyncio

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtGui import QFontMetrics

from rundun_desktop.monitor.runs_model import (
    COL_CREATED,
    COL_EXPIRES,
    COL_FINDINGS,
    COL_PROGRESS,
    COL_REF,
    COL_STATUS,
    COL_TEMPLATE,
    COL_UPDATED,
)
from rundun_desktop.monitor.runs_view import RunsView
from rundun_desktop.window_state import WindowMemory, WindowState
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)
from tests.desktop.test_monitor_layout import twenty_runs_at

SMALL, WIDE = (1024, 700), (1800, 900)


def _shown(view: RunsView) -> set[int]:
    header = view.table.horizontalHeader()
    return {c for c in range(header.count()) if not header.isSectionHidden(c)}


def _resize(desktop, aloop, size: tuple[int, int]) -> None:
    desktop.window.view.resize(*size)
    wait_until(aloop, lambda: desktop.window.view.size().toTuple() == size)
    run(aloop, asyncio.sleep(0))


def _no_sideways_scroll(view: RunsView) -> None:
    table = view.table
    assert table.horizontalScrollBar().maximum() == 0, [
        (table.model().headerData(c, Qt.Orientation.Horizontal), table.columnWidth(c))
        for c in sorted(_shown(view))
    ]


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("language", ["en", "de", "es", "ar"])
def test_the_default_columns_fit_1024_by_700_in_each_language(language, request, tmp_path, aloop):
    desktop = desktop_in(language, request, tmp_path)
    view = twenty_runs_at(desktop, aloop, SMALL)
    runs, table = desktop.window.runs, view.table
    desktop.window.view.grab().save(str(tmp_path / f"runs-{language}-1024.png"))
    _no_sideways_scroll(view)
    # What a row is, where it stands and what it found stay in sight; the template's name at its own width.
    assert {COL_STATUS, COL_TEMPLATE, COL_REF, COL_PROGRESS, COL_FINDINGS, COL_CREATED} <= _shown(view)
    assert table.columnWidth(COL_TEMPLATE) >= view.widths[COL_TEMPLATE]
    assert not {COL_EXPIRES, COL_UPDATED} & _shown(view)  # set aside, not hidden by the person
    assert not view.hidden_by_choice
    _headers_whole(view)

    runs.select_run(runs.model.run_at(0)["run_id"])  # the detail open beside it
    wait_until(aloop, lambda: view.detail.isVisible() and runs.detail.run)
    run(aloop, asyncio.sleep(0))
    _no_sideways_scroll(view)
    runs.detail.clear()
    wait_until(aloop, lambda: not view.detail.isVisible())
    run(aloop, asyncio.sleep(0))
    _no_sideways_scroll(view)

    _resize(desktop, aloop, WIDE)  # with room, every column again, each at its own width at least
    wait_until(aloop, lambda: _shown(view) == set(range(table.model().columnCount())))
    _no_sideways_scroll(view)
    _resize(desktop, aloop, SMALL)
    wait_until(aloop, lambda: not {COL_EXPIRES, COL_UPDATED} & _shown(view))
    _no_sideways_scroll(view)


def _headers_whole(view: RunsView) -> None:
    """Each shown column's header reads whole (German's "Fortschritt" lost its last letter at 93 px)."""
    header = view.table.horizontalHeader()
    bold = header.font()
    bold.setBold(True)  # style.qss: the header's words are semi-bold
    cut = {
        word: header.sectionSize(c)
        for c in _shown(view)
        if QFontMetrics(bold).horizontalAdvance(
            word := str(view.table.model().headerData(c, Qt.Orientation.Horizontal))
        )
        + 16
        > header.sectionSize(c)
    }
    assert not cut, cut


def _choose(view: RunsView, column: int) -> None:
    """Tick or untick `column` in the header's right-click menu, as the person does."""
    header = view.table.horizontalHeader()
    view._column_menu(QPoint(10, 10))
    menu = view.column_menu
    assert menu is not None
    word = str(view.table.model().headerData(column, Qt.Orientation.Horizontal))
    action = next(a for a in menu.actions() if a.text() == word)
    assert action.isChecked() == (not header.isSectionHidden(column))  # ticked while it shows
    action.trigger()
    menu.close()


def test_the_persons_own_columns_win_over_the_narrow_default(desktop, aloop, tmp_path):
    view = twenty_runs_at(desktop, aloop, SMALL)
    assert COL_UPDATED not in _shown(view)
    _choose(view, COL_UPDATED)  # ticked: it shows at 1024 px too
    wait_until(aloop, lambda: COL_UPDATED in _shown(view))
    _choose(view, COL_FINDINGS)  # unticked: hidden, and the room it leaves brings Expires back
    wait_until(aloop, lambda: COL_FINDINGS not in _shown(view))
    assert view.shown_column_keys() == ["updated"] and view.hidden_column_keys() == ["findings"]
    _resize(desktop, aloop, WIDE)
    wait_until(aloop, lambda: COL_EXPIRES in _shown(view))
    assert COL_FINDINGS not in _shown(view) and COL_UPDATED in _shown(view)  # widened: still as chosen
    _resize(desktop, aloop, SMALL)
    wait_until(aloop, lambda: COL_UPDATED in _shown(view) and COL_FINDINGS not in _shown(view))

    # Kept for the next start, and put back from there.
    path = tmp_path / "window.json"
    WindowMemory(desktop.window, path).save_if_changed()
    saved = WindowState.load(path)
    assert saved.shown_columns == ("updated",) and saved.hidden_columns == ("findings",)
    view.hide_columns([], [])  # the next start, nothing chosen yet…
    wait_until(aloop, lambda: COL_UPDATED not in _shown(view) and COL_FINDINGS in _shown(view))
    WindowMemory(desktop.window, path).restore_layout()  # …puts back what was chosen
    wait_until(aloop, lambda: COL_UPDATED in _shown(view) and COL_FINDINGS not in _shown(view))


@pytest.mark.usefixtures("catalogs")
def test_an_english_template_name_in_the_arabic_filter_keeps_its_start(request, tmp_path, aloop):
    """At 1024 px the Arabic app's template filter read "…pre-rental inspection" for "Vehicle pre-rental
    inspection": the English name was elided in the app's direction, its start lost. It is elided at its own end."""
    desktop = desktop_in("ar", request, tmp_path)
    view = twenty_runs_at(desktop, aloop, SMALL)
    combo = view.template_filter
    wait_until(aloop, lambda: combo.count() > 1)
    combo.setCurrentIndex(combo.findText("Vehicle pre-rental inspection"))
    shown = combo.shown_text()
    assert shown.startswith("\u2068Vehicle") and shown.endswith("…\u2069"), shown
    assert combo.fontMetrics().horizontalAdvance(shown.strip("\u2068\u2069")) <= combo.width()
    combo.setCurrentIndex(0)  # its own words, Arabic, as the style draws them
    assert combo.shown_text() == combo.currentText()
