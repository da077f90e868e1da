"""The window stays responsive: when the server is stopped or hangs (requests fail or wait off the GUI
path, the status bar and the pages say what is wrong in words, and it recovers when the server is back),
and at a small size (every page usable at 1024×700: words whole or folded to icons, nothing cut off).

"Responsive" is checked at its cause, not on the wall clock: no blocking network call (a socket in blocking
mode, a name lookup) ever runs on the GUI thread, and the GUI thread keeps ticking a timer meanwhile. A
wall-clock bound on the gaps between ticks failed on a busy machine, where the OS alone can hold a runnable
thread back for a quarter of a second (issue 14).
"""

from __future__ import annotations

import socket
import threading
import time

import pytest
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QApplication,
    QComboBox,
    QLabel,
    QLineEdit,
    QScrollArea,
    QStyle,
    QStyleOptionComboBox,
    QStyleOptionFrame,
    QToolButton,
    QWidget,
)

from rundun_desktop.connection import CONNECTED, OFFLINE
from rundun_desktop.widgets.fit import ElidedLabel
from tests.desktop.conftest import pump, run, wait_until
from tests.support.samples import minimal, vehicle_inspection


class GapMeter:
    """Ticks a 20 ms QTimer and records the longest gap between ticks: a blocked GUI thread shows as a gap."""

    def __init__(self):
        self.last = time.perf_counter()
        self.worst = 0.0
        self.ticks = 0
        self.timer = QTimer()
        self.timer.setInterval(20)
        self.timer.timeout.connect(self._tick)
        self.timer.start()

    def _tick(self):
        now = time.perf_counter()
        self.ticks += 1
        self.worst = max(self.worst, now - self.last)
        self.last = now

    def stop(self) -> float:
        self.timer.stop()
        return self.worst


class GuiThreadBlocking:
    """Records every blocking socket call and name lookup made on the GUI (main) thread. asyncio's own
    socket calls are non-blocking (timeout 0) and its lookups run on an executor thread, so an app that
    does its network work asynchronously records nothing; a synchronous request would block right here."""

    SOCKET_CALLS = ("connect", "connect_ex", "recv", "recv_into", "recvfrom", "send", "sendall")

    def __init__(self, monkeypatch):
        self.calls: list[str] = []
        for name in self.SOCKET_CALLS:
            monkeypatch.setattr(socket.socket, name, self._watch(name, getattr(socket.socket, name)))
        lookup = socket.getaddrinfo

        def getaddrinfo(*args, **kwargs):
            if threading.current_thread() is threading.main_thread():
                self.calls.append(f"getaddrinfo{args[:2]}")
            return lookup(*args, **kwargs)

        monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)

    def _watch(self, name, call):
        calls = self.calls

        def watched(sock, *args, **kwargs):
            if threading.current_thread() is threading.main_thread() and sock.gettimeout() != 0.0:
                calls.append(f"socket.{name}")
            return call(sock, *args, **kwargs)

        return watched


def test_window_stays_responsive_while_the_server_is_stopped(desktop, aloop, live_server, monkeypatch):
    template = run(
        aloop,
        desktop.api.create_template(minimal()),
    )
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    live_server.server.stop()

    blocking = GuiThreadBlocking(monkeypatch)
    meter = GapMeter()
    window = desktop.window
    wait_until(aloop, lambda: desktop.connection.state == OFFLINE, 10)
    assert "Cannot reach the server" in window.view.connection_text.text()
    window.runs.reload()  # the user presses Refresh
    wait_until(aloop, lambda: window.runs_view.message.isVisible(), 10)
    assert "could not be loaded" in window.runs_view.message.text()
    dialog = window.runs.open_dispatch()  # and opens the dispatch dialog
    wait_until(aloop, lambda: dialog.view.message.isVisible(), 10)
    assert "Templates could not be loaded" in dialog.view.message.text()
    dialog.view.reject()
    window.show_page("settings")
    ticks = meter.ticks
    wait_until(aloop, lambda: meter.ticks >= ticks + 25, 30)  # live updates and health checks keep retrying
    meter.stop()
    assert blocking.calls == []


def test_window_stays_responsive_while_the_server_hangs(desktop, aloop, monkeypatch):
    hang = socket.socket()  # accepts connections (the kernel's backlog) and never answers
    hang.bind(("127.0.0.1", 0))
    hang.listen(16)
    try:
        desktop.api.reconfigure(f"http://127.0.0.1:{hang.getsockname()[1]}", desktop.api.api_key)
        blocking = GuiThreadBlocking(monkeypatch)
        meter = GapMeter()
        desktop.window.runs.reload()
        desktop.window.runs.load_templates()
        # The GUI thread keeps ticking while both requests wait on the silent server (a 20 ms timer, 40
        # ticks: at least 0.8 s of waiting, however slow the machine).
        wait_until(aloop, lambda: meter.ticks >= 40, 30)
        meter.stop()
        assert blocking.calls == []
        assert desktop.window.runs.model.rowCount() == 0  # still waiting, and the window with it is not
    finally:
        hang.close()


def test_it_reconnects_when_the_server_is_back(desktop, aloop, live_server):
    from rundun_desktop.embedded import EmbeddedServer

    data_dir, port = live_server.server.data_dir, live_server.server.port
    live_server.server.stop()
    wait_until(aloop, lambda: desktop.connection.state == OFFLINE, 10)
    restarted = EmbeddedServer(data_dir, port=port)
    restarted.start()
    try:
        wait_until(aloop, lambda: desktop.connection.state == CONNECTED, 10)
        wait_until(aloop, lambda: desktop.live.mode == "stream", 15)
    finally:
        run(aloop, desktop.live.stop())
        restarted.stop()


# -- every page usable at 1024×700: nothing cut off, no words squeezed into "Te…es" ----------------------------
SMALL = (1024, 700)


def _scrolls_sideways(widget: QWidget) -> bool:
    """Whether an ancestor scroll area lets the user bring a horizontally cut-off widget into view."""
    parent = widget.parentWidget()
    while parent is not None:
        if isinstance(parent, QAbstractScrollArea) and parent.horizontalScrollBar().isVisible():
            return True
        parent = parent.parentWidget()
    return False


def layout_problems(window: QWidget) -> list[str]:
    """Widgets on show whose words are squeezed (a button or one-line label narrower than its text, a wrapped
    label lower than its lines) or that are cut off at the side by their parents (the window edge, a pane, a
    scroll area that cannot scroll sideways). Elided labels (whole text in the tooltip) and folded buttons (an icon and a tooltip)
    are fine."""
    problems = []
    for w in window.findChildren(QWidget):
        if not w.isVisible() or w.width() <= 0 or w.window() is not window:
            continue
        name = f"{type(w).__name__} {w.objectName() or ''} {getattr(w, 'text', lambda: '')()!r}".strip()
        if isinstance(w, QAbstractButton) and w.text() and w.width() < w.sizeHint().width() - 1:
            problems.append(f"{name}: {w.width()} px for words that need {w.sizeHint().width()}")
        decoration = isinstance(w.parentWidget(), QLineEdit)  # a line edit's search / clear icon
        if isinstance(w, QAbstractButton) and not (
            w.text() or w.toolTip() or w.icon().isNull() or decoration
        ):
            problems.append(f"{type(w).__name__} {w.objectName()}: an icon without a tooltip")
        if (
            isinstance(w, QLabel)
            and not isinstance(w, ElidedLabel)
            and not w.wordWrap()
            and w.text()
            and w.pixmap().isNull()
            and w.width() < w.sizeHint().width() - 1
        ):
            problems.append(f"{name}: {w.width()} px for words that need {w.sizeHint().width()}")
        if (
            isinstance(w, QLabel)
            and w.wordWrap()
            and w.text()
            and w.height() < w.heightForWidth(w.width()) - 1
        ):
            problems.append(f"{name}: {w.height()} px high for lines that need {w.heightForWidth(w.width())}")
        if isinstance(w, QAbstractButton | QLineEdit | QComboBox | QAbstractSpinBox | QLabel):
            seen = w.visibleRegion().boundingRect()
            cut = not seen.isEmpty() and seen.width() < w.width() - 1
            if cut and not _scrolls_sideways(w):
                problems.append(f"{name}: cut off at the side ({seen.width()} of {w.width()} px shown)")
            problems += [f"{name}: laid over {other}" for other in _overlapped(w)]
    return problems


FIELDS = (QAbstractButton, QLineEdit, QComboBox, QAbstractSpinBox, QLabel)


def _overlapped(w: QWidget) -> list[str]:
    """The sibling fields, buttons and labels that `w` is laid over (a row squeezed below its minimum width
    lays its widgets on top of each other). Each pair is reported once."""
    parent = w.parentWidget()
    if parent is None or isinstance(parent, QLineEdit):
        return []
    return [
        f"{type(s).__name__} {s.objectName()}"
        for s in parent.children()
        if isinstance(s, FIELDS)
        and s is not w
        and s.isVisible()
        and id(s) > id(w)
        and (both := w.geometry().intersected(s.geometry())).width() > 2
        and both.height() > 2
    ]


def placeholder_room(edit: QLineEdit) -> int:
    """The width an empty line edit gives its placeholder: its contents less the text margins and the icons
    shown inside it (the search glass; the clear button shows only with text)."""
    option = QStyleOptionFrame()
    edit.initStyleOption(option)
    box = edit.style().subElementRect(QStyle.SubElement.SE_LineEditContents, option, edit)
    left, right = box.left(), box.right()
    for icon in edit.findChildren(QToolButton):
        if icon.isVisibleTo(edit):
            if icon.geometry().center().x() < box.center().x():
                left = max(left, icon.geometry().right())
            else:
                right = min(right, icon.geometry().left())
    margins = edit.textMargins()
    return right - left - margins.left() - margins.right()


def assert_placeholder_whole(edit: QLineEdit) -> None:
    assert not edit.text()
    needed = edit.fontMetrics().horizontalAdvance(edit.placeholderText())
    assert placeholder_room(edit) >= needed, (
        f"{edit.placeholderText()!r}: {placeholder_room(edit)} px of {needed}"
    )


def _settle(aloop) -> None:
    pump(aloop, 0.3)


def test_every_page_is_usable_at_1024_by_700(desktop, aloop):
    """Every page and dialog (tests/desktop/app_walk.py: the runs list with a run open, the dispatch dialog, the
    template list and its dialogs, the editor on each kind of step and each tab, the executor with a run, every
    tab of Settings, About), at 1024×700."""
    from tests.desktop.app_walk import walk_app

    window = desktop.window
    window.view.resize(*SMALL)
    wait_until(aloop, lambda: window.view.size().toTuple() == SMALL, 5)
    found: dict[str, list[str]] = {}

    def look(what: str, widget: QWidget) -> None:
        found[what] = layout_problems(widget)
        if what.startswith("settings"):
            window.view.grab().save("/tmp/rundun-1024-settings.png")

    walk_app(desktop, aloop, look)
    bad = {what: p for what, p in found.items() if p}
    assert not bad, "\n".join(f"{what}:\n  " + "\n  ".join(p) for what, p in bad.items())


def test_every_page_of_a_new_organisation_is_whole_at_1024_by_700(desktop, aloop):
    """Before anything exists (no run, no template, an empty inbox), each page shows what to do first: those
    words and buttons whole at 1024×700 too. The empty template list cut its words off above and below."""
    window = desktop.window
    window.view.resize(*SMALL)
    wait_until(aloop, lambda: window.view.size().toTuple() == SMALL, 5)
    found: dict[str, list[str]] = {}
    window.show_page("runs")
    window.runs.reload()
    _settle(aloop)
    found["runs"] = layout_problems(window.view)
    window.show_page("dashboard")
    window.dashboard_page.ensure()
    _settle(aloop)
    found["dashboard"] = layout_problems(window.view)
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    _settle(aloop)
    assert page.list_view.body.currentWidget() is page.list_view.empty
    found["templates"] = layout_problems(window.view)
    window.show_page("executor")
    window.executor_page.ensure()
    _settle(aloop)
    found["executor's inbox"] = layout_problems(window.view)
    bad = {what: p for what, p in found.items() if p}
    assert not bad, "\n".join(f"{what}:\n  " + "\n  ".join(p) for what, p in bad.items())


def test_the_runs_table_takes_the_room_the_empty_detail_leaves(desktop, aloop):
    """At full width and nothing selected, the detail pane is closed and every column shows its text
    whole; a run opened gives the detail its share, closing it gives the room back."""
    window = desktop.window
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
    window.view.resize(1600, 1000)
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 1, 10)
    _settle(aloop)
    view = window.runs_view
    assert not view.detail.isVisible()
    table = view.table
    assert table.width() > 0.9 * view.width()
    for column in range(window.runs.model.columnCount()):
        assert table.columnWidth(column) >= table.sizeHintForColumn(column), (
            f"column {column} is cut: {table.columnWidth(column)} < {table.sizeHintForColumn(column)}"
        )
    assert not table.horizontalScrollBar().isVisible()
    window.runs.select_run(window.runs.model.run_at(0)["run_id"])
    wait_until(aloop, lambda: view.detail.isVisible(), 10)
    window.runs.detail.clear()
    wait_until(aloop, lambda: not view.detail.isVisible(), 10)


def _open_a_run(desktop, aloop, size: tuple[int, int]):
    """Three runs dispatched, the window at `size`, the first run's detail open; the runs view (its picture
    saved as /tmp/rundun-<width>-run-open.png)."""
    window = desktop.window
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    for i in range(3):
        run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"VAN-{i}"}))
    window.view.resize(*size)
    wait_until(aloop, lambda: window.view.size().toTuple() == size, 5)
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 3, 10)
    view = window.runs_view
    window.runs.select_run(window.runs.model.run_at(0)["run_id"])
    wait_until(aloop, lambda: view.detail.isVisible() and window.runs.detail.run, 10)
    _settle(aloop)
    window.view.grab().save(f"/tmp/rundun-{size[0]}-run-open.png")
    return view


def test_a_run_open_at_1280_leaves_the_runs_table_without_a_sideways_scroll_bar(desktop, aloop):
    """At 1280 px with a run's detail open, every column of the runs table fits its share (the Executor
    column last): no horizontal scroll bar."""
    window = desktop.window
    view = _open_a_run(desktop, aloop, (1280, 800))
    table = view.table
    assert not table.horizontalScrollBar().isVisible(), [
        (table.model().headerData(c, Qt.Orientation.Horizontal), table.columnWidth(c))
        for c in range(table.model().columnCount())
    ]
    assert not layout_problems(window.view)
    header = table.horizontalHeader()
    aside = {
        table.model().headerData(c, Qt.Orientation.Horizontal) for c in range(8) if header.isSectionHidden(c)
    }
    assert aside and aside <= {"Executor", "Created", "Updated", "Expires"}  # all of them in the detail
    shown = {"Status", "Template", "Executor ref", "Progress"}
    assert all(not header.isSectionHidden(c) for c in range(4)), shown
    window.runs.detail.clear()  # the detail closes: every column comes back but those the width sets aside
    wait_until(aloop, lambda: not view.detail.isVisible(), 10)
    _settle(aloop)
    _back_but_what_a_narrow_window_sets_aside(view)


def _text_room(combo: QComboBox) -> int:
    """The width a combo box's style gives its current text."""
    option = QStyleOptionComboBox()
    combo.initStyleOption(option)
    field = QStyle.SubControl.SC_ComboBoxEditField
    return combo.style().subControlRect(QStyle.ComplexControl.CC_ComboBox, option, field, combo).width()


def test_the_dashboards_filters_show_their_words_whole_at_1024(desktop, aloop):
    """At 1024×700 with a template chosen, the version box reads "Latest version" whole, and so do the
    other filters."""
    from tests.desktop.test_dashboard import open_dashboard

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    desktop.window.view.resize(*SMALL)
    wait_until(aloop, lambda: desktop.window.view.size().toTuple() == SMALL, 5)
    view = open_dashboard(desktop, aloop, template["id"]).view
    _settle(aloop)
    desktop.window.view.grab().save("/tmp/rundun-1024-dashboard.png")
    assert view.version.currentText() == "Latest version"
    for combo in (view.period, view.template, view.version):
        needed = combo.fontMetrics().horizontalAdvance(combo.currentText())
        assert _text_room(combo) >= needed, f"{combo.currentText()!r}: {_text_room(combo)} px of {needed}"
    assert not layout_problems(desktop.window.view)


def test_the_window_opens_no_larger_than_the_screen(qapp):
    """A laptop's screen smaller than the window's preferred 1360×860 gets a window that fits it (the offscreen
    platform's screen is 800×600: the window opens at its minimum size), never one whose right end, with the
    Dispatch button and the status bar, starts off the screen."""
    from rundun_desktop.main_window_view import MainWindowView

    view = MainWindowView()
    try:
        room = view.screen().availableGeometry().size()
        assert room.width() < 1360 and room.height() < 860, "this test needs a screen smaller than 1360×860"
        fits = room.expandedTo(view.minimumSize())
        assert view.width() <= fits.width() and view.height() <= fits.height(), (view.size(), room)
    finally:
        view.deleteLater()


def _small(desktop, aloop) -> None:
    desktop.window.view.resize(*SMALL)
    wait_until(aloop, lambda: desktop.window.view.size().toTuple() == SMALL, 5)


def test_the_runs_search_box_reads_its_words_whole_at_1024(desktop, aloop):
    """At 1024×700 the runs page's search box shows its placeholder whole (it read "Execut…"), with a run
    open too, and the run count reads whole under the list."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
    _small(desktop, aloop)
    window = desktop.window
    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 1, 10)
    view = window.runs_view
    wait_until(aloop, lambda: view.count_label.text() == "1 run", 10)
    _settle(aloop)
    window.view.grab().save("/tmp/rundun-1024-runs.png")
    assert_placeholder_whole(view.search)
    assert view.count_label.width() >= view.count_label.sizeHint().width()
    window.runs.select_run(window.runs.model.run_at(0)["run_id"])
    wait_until(aloop, lambda: view.detail.isVisible(), 10)
    _settle(aloop)
    assert_placeholder_whole(view.search)
    assert not layout_problems(window.view)


def test_the_template_lists_search_and_tag_filter_sit_side_by_side_at_1024(desktop, aloop):
    """At 1024×700 the template list's tag filter is no longer laid over its search box, whose placeholder
    reads whole, and the toolbar's buttons (folded to icons) stay inside the window."""
    window, page = desktop.window, _small_template_list(desktop, aloop, "/tmp/rundun-1024-templates.png")
    view = page.list_view
    assert view.search.geometry().right() < view.tag.geometry().left()
    assert_placeholder_whole(view.search)
    assert not layout_problems(window.view)


def test_a_template_with_many_tags_leaves_its_version_and_date_in_view_at_1024(desktop, aloop):
    """A library template brings a dozen tags: its Tags column, sized to them, pushed Version and Last updated
    out of the 1024 px window behind a sideways scroll bar. The tags share the room with the name, elided,
    and say themselves whole in their tooltip."""
    body = minimal("Apartment move-out inspection")
    body["tags"] = [
        "property", "inspection", "move-in", "move-out", "tenancy", "tenant", "landlord", "check-in report",
        "inventory", "rental property", "letting", "deposit",
    ]  # fmt: skip
    run(aloop, desktop.api.create_template(body))
    table = _small_template_list(desktop, aloop, "/tmp/rundun-1024-templates-tags.png").list_view.table
    assert not table.horizontalScrollBar().isVisible(), [table.columnWidth(c) for c in range(4)]
    header, room = table.horizontalHeader(), table.viewport().width()
    for col in range(4):
        assert header.sectionViewportPosition(col) + header.sectionSize(col) <= room, col
    model = table.model()
    assert model.data(model.index(0, 1), Qt.ItemDataRole.ToolTipRole) == ", ".join(body["tags"])


def _small_template_list(desktop, aloop, picture: str):
    """The Templates page of a 1024×700 window, its list loaded (a picture of it saved to `picture`)."""
    _small(desktop, aloop)
    desktop.window.show_page("templates")
    page = desktop.window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    _settle(aloop)
    desktop.window.view.grab().save(picture)
    return page


def _small_editor(desktop, aloop):
    """The sample vehicle inspection open in the editor of a 1024×700 window; the Templates page."""
    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    _small(desktop, aloop)
    desktop.window.show_page("templates")
    page = desktop.window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    assert run(aloop, page.open(template["id"]))
    return page


def test_a_number_steps_finding_limits_read_whole_at_1024(desktop, aloop):
    """At 1024×700 the "A finding below … or above …" fields of a number step show "no lower limit" and "no
    upper limit" whole (side by side they were squeezed to 30 px: "n…")."""
    window = desktop.window
    page = _small_editor(desktop, aloop)
    ctl = page.editor
    ctl.select(ctl.doc.find_step("s-od01").uid)  # a number step
    _settle(aloop)
    flags = ctl.properties.step_panel.findChild(QWidget, "flagBelow").parentWidget()
    window.view.grab().save("/tmp/rundun-1024-finding-limits.png")
    for name in ("flagBelow", "flagAbove"):
        assert_placeholder_whole(flags.findChild(QLineEdit, name))


def test_every_settings_tab_shows_its_name_at_1024(desktop, aloop):
    """At 1024×700 the Settings tab bar shows every tab, the last one ("Sharing") too, without the scroll
    arrows that hid it."""
    _small(desktop, aloop)
    window = desktop.window
    window.show_page("settings")
    _settle(aloop)
    bar = window.settings_view.tabs.tabBar()
    window.view.grab().save("/tmp/rundun-1024-settings-tabs.png")
    last = bar.count() - 1
    assert bar.tabText(last) == "Sharing"
    assert bar.tabRect(last).right() <= bar.width(), f"{bar.tabRect(last)} beyond the bar's {bar.width()} px"


def test_the_new_api_keys_name_field_shows_its_example_whole_at_1024(desktop, aloop):
    """At 1024×700 the API keys tab's name field reads "Name of the new key, e.g. Booking system" whole."""
    _small(desktop, aloop)
    window = desktop.window
    window.show_page("settings")
    view = window.settings_view
    view.tabs.setCurrentIndex(1)
    _settle(aloop)
    window.view.grab().save("/tmp/rundun-1024-api-keys.png")
    assert_placeholder_whole(view.key_name)


def test_the_editors_preview_of_a_photo_step_needs_no_sideways_scroll_at_1024(desktop, aloop):
    """At 1024×700 the preview of a photo step (Take photo, Clear, "0 of 3") fits the preview's width: no
    horizontal scroll bar, no card cut at its right edge."""
    window = desktop.window
    page = _small_editor(desktop, aloop)
    ctl = page.editor
    ctl.select(ctl.editor.add_step(ctl.current_uid(), "photo"))
    ctl.flush()
    _settle(aloop)
    window.view.grab().save("/tmp/rundun-1024-photo-preview.png")
    area = page.editor_view.preview.scroll_area
    assert not area.horizontalScrollBar().isVisible()


def test_a_run_open_at_1024_leaves_status_ref_and_progress_in_view(desktop, aloop):
    """At 1024×700 with a run's detail open, the runs table shows each run's status, executor ref (what tells
    the runs apart) and progress without a sideways scroll bar (the progress was off to the right); closing
    the detail brings every column back."""
    window = desktop.window
    view = _open_a_run(desktop, aloop, SMALL)
    table = view.table
    header = table.horizontalHeader()
    assert not table.horizontalScrollBar().isVisible(), [
        (table.model().headerData(c, Qt.Orientation.Horizontal), table.columnWidth(c))
        for c in range(table.model().columnCount())
        if not header.isSectionHidden(c)
    ]
    shown = [c for c in range(table.model().columnCount()) if not header.isSectionHidden(c)]
    assert {0, 2, 3} <= set(shown)  # status, executor ref, progress
    assert header.sectionSize(3) >= 150  # the progress bar and "n/m" whole
    assert header.sectionSize(2) >= table.fontMetrics().horizontalAdvance("VAN-0")
    window.runs.detail.clear()
    wait_until(aloop, lambda: not view.detail.isVisible(), 10)
    _settle(aloop)
    _back_but_what_a_narrow_window_sets_aside(view)


def _back_but_what_a_narrow_window_sets_aside(view) -> None:
    """The detail closed: every column is back but those a narrow window sets aside, and none scrolls sideways."""
    from rundun_desktop.monitor.runs_view import NARROW_ASIDE

    table = view.table
    header = table.horizontalHeader()
    aside = {c for c in range(table.model().columnCount()) if header.isSectionHidden(c)}
    assert aside <= set(NARROW_ASIDE), aside
    assert table.horizontalScrollBar().maximum() == 0


def test_the_date_columns_hold_any_time_of_the_year_whole(desktop, aloop):
    """'Created' and 'Expires' were 118 px: in a 12-hour locale '3 Dec 10:24 PM' needs more, so from 10 to 12
    o'clock (and on two-digit days) the cell was cut. Every day of the year at a two-digit hour must fit."""
    from datetime import datetime, timedelta

    from rundun_desktop import formatting as fmt
    from rundun_desktop.monitor.runs_model import COL_CREATED, COL_EXPIRES
    from rundun_desktop.monitor.runs_view import CELL_PADDING

    window = desktop.window
    window.view.resize(1600, 1000)
    window.show_page("runs")
    _settle(aloop)
    table = window.runs_view.table
    metrics = table.fontMetrics()
    start = datetime(datetime.now().year, 1, 1, 10, 59)
    widest = max(
        metrics.horizontalAdvance(
            fmt.short_time((start + timedelta(days=day, hours=hours)).astimezone().isoformat())
        )
        for day in range(365)
        for hours in (0, 2, 12, 14)  # 10:59 and 12:59, before and after noon
    )
    for column in (COL_CREATED, COL_EXPIRES):
        assert table.columnWidth(column) >= widest + CELL_PADDING, (column, table.columnWidth(column), widest)


def test_a_steps_hint_reads_optional_whole_at_1024(desktop, aloop):
    """At 1024×700 the step's Hint field says it is optional, whole (it read "Help shown under the label (…")."""
    page = _small_editor(desktop, aloop)
    ctl = page.editor
    ctl.select(ctl.doc.find_step("s-od01").uid)
    _settle(aloop)
    hint = ctl.properties.step_panel.hint_edit
    desktop.window.view.grab().save("/tmp/rundun-1024-hint.png")
    assert "optional" in hint.placeholderText().lower()
    assert_placeholder_whole(hint)


def test_the_members_fields_take_the_rows_room_at_1024(desktop, aloop):
    """At 1024×700 the Members tab's name and email fields share the row (a stretch beside them left each
    160 px): a long email reads whole, and the Remove button stays at the row's end."""
    _small(desktop, aloop)
    window = desktop.window
    window.show_page("settings")
    view = window.settings_view
    view.tabs.setCurrentWidget(view.member_email.parentWidget())
    _settle(aloop)
    window.view.grab().save("/tmp/rundun-1024-members.png")
    email = "alexandra.petrova@example.com"
    assert placeholder_room(view.member_email) >= view.member_email.fontMetrics().horizontalAdvance(email)
    gap = view.remove_member_button.geometry().left() - view.add_member_button.geometry().right()
    assert gap <= 32, f"{gap} px of nothing between Add member and Remove"
    assert not layout_problems(window.view)


def test_the_dashboards_date_boxes_look_like_its_other_filters(desktop, aloop):
    """The From and To boxes of a custom period have the combo boxes' frame, white and height (they were the
    platform's grey, smaller boxes next to the app's inputs)."""
    from tests.desktop.test_dashboard import open_dashboard

    template = run(aloop, desktop.api.create_template(vehicle_inspection()))
    _small(desktop, aloop)
    view = open_dashboard(desktop, aloop, template["id"]).view
    view.period.setCurrentIndex(view.period.count() - 1)
    view.period.activated.emit(view.period.count() - 1)
    wait_until(aloop, lambda: view.date_from.isEnabled(), 5)
    _settle(aloop)
    desktop.window.view.grab().save("/tmp/rundun-1024-dashboard-dates.png")

    def looks(widget: QWidget) -> tuple:
        picture = widget.grab().toImage()
        middle = picture.height() // 2
        return picture.pixelColor(0, middle).name(), picture.pixelColor(picture.width() // 2, 3).name()

    for box in (view.date_from, view.date_to):
        assert box.height() == view.period.height()
        assert looks(box) == looks(view.period)  # its border, then its white inside
    assert not layout_problems(desktop.window.view)


def test_the_templates_toolbar_keeps_its_main_words_when_there_is_room(desktop, aloop):
    """At 1360 px the template list's toolbar shows the words of New template, Dispatch run… and From library…
    (all eight folded to icons there), folding the others first; at 1800 every word; at 1024 (the sidebar
    folded to its icons) New template's words alone; and back at 1360 the same words as before."""
    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    buttons = page.list_view.buttons

    def shown_at(size: tuple[int, int]) -> set[str]:
        window.view.resize(*size)
        wait_until(aloop, lambda: window.view.size().toTuple() == size, 5)
        _settle(aloop)
        assert not layout_problems(window.view)
        return {name for name, button in buttons.items() if button.text()}

    wide = shown_at((1360, 860))
    window.view.grab().save("/tmp/rundun-1360-templates.png")
    assert {"new", "dispatch", "library"} <= wide and not {"delete", "duplicate"} & wide
    assert shown_at((1800, 900)) == set(buttons)
    assert shown_at(SMALL) == {"new"}
    assert shown_at((1360, 860)) == wide


@pytest.fixture(params=["de", "es", "ar"])
def desktop_in(request, monkeypatch):
    """The desktop app started in German, Spanish or Arabic (as its language setting would start it)."""
    from rundun_desktop import i18n

    started_in = i18n.install_for
    monkeypatch.setattr(i18n, "install_for", lambda app, setting="": started_in(app, request.param))
    try:
        yield request.getfixturevalue("desktop")
    finally:
        i18n.TRANSLATION.install(QApplication.instance(), "en")


def test_the_editor_at_1024_in_each_language_keeps_its_preview_tabs_and_hint_in_view(desktop_in, aloop):
    """German, Spanish and Arabic words are longer than English ones: at 1024×700 neither the properties (a
    step's photo counts, a choice's findings, the "no earlier step" note, the template's settings and
    execution choices) nor the preview of a photo step scroll sideways (German "Foto aufnehmen" beside
    "Leeren" cut every card at the preview's right edge), every tab of the side and middle panes is on show
    (Spanish "Problemas" was behind scroll arrows), and the Hint placeholder reads whole."""
    page = _small_editor(desktop_in, aloop)
    ctl = page.editor

    def sideways() -> list[str]:
        return [
            type(area.widget()).__name__
            for area in ctl.view.middle.findChildren(QScrollArea)
            if area.isVisible() and area.horizontalScrollBar().isVisible()
        ]

    for step_id in ("s-dm02", "s-fu01", "s-od01"):  # a condition; a choice's findings; no earlier step
        ctl.select(ctl.doc.find_step(step_id).uid)
        _settle(aloop)
        assert not sideways(), f"the properties of {step_id} scroll sideways"
    assert_placeholder_whole(ctl.properties.step_panel.hint_edit)
    ctl.select(0)  # the template: its settings' boxes and the execution choices
    ctl.view.middle.setCurrentIndex(1)
    _settle(aloop)
    assert not sideways(), "the template's settings scroll sideways"
    ctl.view.middle.setCurrentIndex(0)
    ctl.select(ctl.editor.add_step(ctl.current_uid(), "photo"))
    _settle(aloop)
    desktop_in.window.view.grab().save("/tmp/rundun-1024-editor-language.png")
    area = ctl.view.preview.scroll_area
    assert not area.horizontalScrollBar().isVisible(), (
        f"the preview's content needs {area.widget().minimumSizeHint().width()} px of {area.viewport().width()}"
    )
    for tabs in (ctl.view.side, ctl.view.middle):
        bar = tabs.tabBar()
        shown = [bar.rect().contains(bar.tabRect(i)) for i in range(bar.count())]
        assert all(shown), [tabs.tabText(i) for i, whole in enumerate(shown) if not whole]
        assert [tabs.tabToolTip(i) for i in range(tabs.count())] == [
            tabs.tabText(i) for i in range(tabs.count())
        ]
    assert not layout_problems(desktop_in.window.view)


def test_each_pages_subtitle_spans_the_page_under_its_buttons_at_1024(desktop_in, aloop):
    """Beside the title, the page's buttons squeezed its subtitle into a column: Spanish's runs subtitle wrapped
    onto four lines at 1024 px, pushing the table down. Under the title row it takes the page's width."""
    window = desktop_in.window
    window.view.resize(*SMALL)
    wait_until(aloop, lambda: window.view.size().toTuple() == SMALL, 5)
    for name in ("runs", "dashboard", "executor", "settings"):
        window.show_page(name)
        _settle(aloop)
        page = window.view.stack.currentWidget()
        subtitle = next(
            label
            for label in page.findChildren(QLabel)
            if label.property("role") == "subtitle" and label.isVisible()
        )
        lines = subtitle.height() / subtitle.fontMetrics().lineSpacing()
        assert subtitle.width() > page.width() * 0.8, (name, subtitle.width(), page.width())
        assert lines < 3, (name, subtitle.text(), lines)
