"""The Runs page's layout: title and actions, the filter bar, the runs table and the detail panel.

The table has the page's width until a run is shown: the detail panel takes its share only while it
shows a run (an empty panel that says "select a run" would take half the window from the columns).
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import UTC, datetime, timedelta
from pathlib import Path

from PySide6.QtCore import QEvent, QObject, QPoint, Qt
from PySide6.QtGui import QFontMetrics, QMouseEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QCheckBox,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QMenu,
    QProgressDialog,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import formatting as fmt
from rundun_desktop import last_folders
from rundun_desktop.monitor.delegates import (
    ProgressDelegate,
    StatusDelegate,
    progress_column_least,
    status_column_width,
)
from rundun_desktop.monitor.detail_view import RunDetailView
from rundun_desktop.monitor.runs_model import (
    COL_CREATED,
    COL_DEVICE,
    COL_EXPIRES,
    COL_FINDINGS,
    COL_IDENTITY,
    COL_PROGRESS,
    COL_REF,
    COL_STATUS,
    COL_TEMPLATE,
    COL_UPDATED,
    SORT_KEYS,
    findings_words,
)
from rundun_desktop.style import icon, set_role
from rundun_desktop.widgets.common import MARGIN, SPACING, MessageLine, button, label, page_header
from rundun_desktop.widgets.own_direction import OwnDirectionComboBox, OwnDirectionDelegate

WIDTHS = {
    COL_STATUS: 118,
    COL_TEMPLATE: 170,
    COL_REF: 115,
    COL_PROGRESS: 150,  # the progress delegate draws a bar and "n/m" in 150 px
    COL_IDENTITY: 120,
    COL_CREATED: 118,
    COL_UPDATED: 90,
    COL_EXPIRES: 118,
    COL_DEVICE: 144,  # its header whole; longer words elide: the tooltip and the detail say it all
    COL_FINDINGS: 110,
}
NOTICE_PADDING = 14  # what a notice adds to its line (style.qss's `padding: 6px 10px` and a pixel each side)
COMBO_CHROME = 44  # what a combo box adds to its text: the frame, the padding and the arrow
CELL_PADDING = (
    22  # what a cell adds to its text: style.qss's `padding: 0 8px`, the focus frame, the grid line
)
# With a run's detail open and too little room, these columns go first (the detail shows each of them).
DETAIL_SHOWS = (COL_EXPIRES, COL_UPDATED, COL_CREATED, COL_IDENTITY, COL_FINDINGS, COL_DEVICE)
# In a 1024 px window the detail leaves the table about 370 px: the template's name (the detail's heading
# shows it) steps aside last, and the executor ref, which tells one run from the next, takes what status and
# progress leave, down to this much (elided).
LAST_ASIDE = COL_TEMPLATE
NARROWEST = 90
STRETCHING = (COL_TEMPLATE, COL_REF)  # the columns fit_columns sets: one of them takes what the others leave
# Without a run's detail and too little room (1024 px, Executor and Created hidden, still scrolled sideways and
# Status and the ref went out of sight), these narrow first, down to their least, then the template's name:
# the bar of the progress shortens ("n/m" stays whole), the device's words elide (the tooltip says them).
SQUEEZING = (COL_PROGRESS, COL_DEVICE)
LEAST_PROGRESS = 90  # at the least: a bar and "10/10" (delegates.progress_column_least: "Complete" too)
LEAST_TEMPLATE = 105
# Last, once the template's name is down to its least, the executor ref narrows down to NARROWEST or its header's
# word, whichever is wider (an id such as "BK-20940" whole, a longer ref elided): German's and Spanish's wider words (status, findings, "… ago",
# "En el dispositivo" whole in its header) still needed a sideways scroll at 1024 px where English's did not.
LAST_SQUEEZED = COL_REF
# Without a run's detail and too little room (every column shown, 1024 px: Created, Updated and Expires were
# behind a sideways scroll in each language), these step aside first, in this order, as few as the rest needs;
# each comes back when the window is widened (fit_columns). The person's own choice (the header's
# menu) wins: a column they ticked stays (the table scrolls if it must), one they unticked stays hidden.
NARROW_ASIDE = (COL_EXPIRES, COL_UPDATED, COL_IDENTITY, COL_CREATED)
# The longest "… ago" of each unit: two-digit minutes and hours, three-digit days.
WIDEST_AGOS = (timedelta(minutes=58, seconds=30), timedelta(hours=23, minutes=30), timedelta(days=365))
ALWAYS_SHOWN = (COL_STATUS, COL_TEMPLATE)  # the header's menu cannot hide these: a row says what it is
# The columns' names in the window's memory (window.json), which outlives their numbers.
COLUMN_KEYS = {
    COL_STATUS: "status",
    COL_TEMPLATE: "template",
    COL_REF: "executor_ref",
    COL_PROGRESS: "progress",
    COL_IDENTITY: "executor",
    COL_CREATED: "created",
    COL_UPDATED: "updated",
    COL_EXPIRES: "expires",
    COL_FINDINGS: "findings",
    COL_DEVICE: "device",
}


class RunsView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.hidden_by_choice: set[int] = set()  # columns the person hid (the header's right-click menu)
        self.shown_by_choice: set[int] = set()  # columns the person showed there: never set aside for room
        self.setObjectName("Page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, 12)
        outer.setSpacing(SPACING + 2)

        header, actions = page_header(
            self.tr("Runs"), self.tr("Every dispatched checklist, live as executors work.")
        )
        self.count_label = label("", "muted")
        self.live_label = label("", "muted")
        self.export_button = button(self.tr("Export CSV"), "csv")
        self.batch_button = button(self.tr("Reports"), "pdf")
        self.batch_button.setToolTip(
            self.tr(
                "The selected runs (or, with one or none selected, every run of this list) as PDF reports"
            )
        )
        self.refresh_button = button("", "refresh")
        self.refresh_button.setToolTip(self.tr("Reload the list"))
        self.dispatch_button = button(self.tr("Dispatch run"), "send", primary=True)
        for widget in (
            self.live_label,
            self.export_button,
            self.batch_button,
            self.refresh_button,
            self.dispatch_button,
        ):
            actions.addWidget(widget)
        outer.addWidget(header)

        filters = QHBoxLayout()
        filters.setSpacing(8)
        self.search = QLineEdit()
        # Short enough to read whole at 1024 px; that the first letters of a ref find it is said in the tooltip.
        self.search.setPlaceholderText(self.tr("Executor ref…"))
        self.search.setToolTip(self.tr("Shows the runs whose executor ref starts with this (case counts)"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        # It stretches: at 1024 px the filters beside it keep their words (German's too).
        self.search.setMinimumWidth(110)
        self.status_filter = QComboBox()
        self.status_filter.addItem(self.tr("All statuses"), None)
        for status in fmt.STATUSES:
            self.status_filter.addItem(fmt.status_label(status), status)
        self.findings_filter = QComboBox()  # SPEC §14: `GET /v1/runs?flagged=`
        self.findings_filter.setObjectName("findingsFilter")
        self.findings_filter.addItem(self.tr("Any findings"), None)
        self.findings_filter.addItem(self.tr("With findings"), True)
        self.findings_filter.addItem(self.tr("Without findings"), False)
        self.findings_filter.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.template_filter = OwnDirectionComboBox()  # an English name whole at its start in the Arabic app
        self.template_filter.addItem(self.tr("All templates"), None)
        # Its first words whole in every language (Spanish's "Todas las plantillas" read "Todas las planti" at
        # 1024 px); a long template name is elided instead.
        words = self.template_filter.fontMetrics().horizontalAdvance(self.template_filter.itemText(0))
        self.template_filter.setMinimumWidth(max(140, words + COMBO_CHROME))
        filters.addWidget(self.search, 2)
        filters.addWidget(self.status_filter)
        filters.addWidget(self.findings_filter)
        filters.addWidget(self.template_filter, 1)
        self.device_filter = QCheckBox(self.tr("Waiting on a device"))
        self.device_filter.setToolTip(
            self.tr("Only runs whose executor's device still holds changes not yet sent to the server.")
        )
        self.device_filter.setMinimumWidth(self.device_filter.sizeHint().width())  # never clipped
        filters.addWidget(self.device_filter)
        outer.addLayout(filters)

        # Notices and errors go under the list, in a line whose height is kept for them: between the filters
        # and the table, a notice that came between a look and a click pushed the header and the rows down
        # 42 px under the pointer (a header click and a right-click missed).
        self.message = MessageLine()
        # In an order other than newest first, live runs are not sorted in: this says so, with a link that does.
        self.order_notice = QLabel()
        self.order_notice.setObjectName("orderNotice")
        self.order_notice.setTextFormat(Qt.TextFormat.RichText)
        self.order_notice.setTextInteractionFlags(
            Qt.TextInteractionFlag.LinksAccessibleByMouse | Qt.TextInteractionFlag.LinksAccessibleByKeyboard
        )
        set_role(self.order_notice, role="notice")
        self.order_notice.hide()
        # Runs that arrived while the pointer is over the list wait for it to leave (RowsInPlace.holding).
        self.held_notice = label("", "muted")
        self.held_notice.setObjectName("heldNotice")
        self.held_notice.hide()

        self.widths = dict(WIDTHS)  # the columns' widths, some fitted to the locale's words (size_columns)
        self.least: dict[int, int] = {}  # how narrow the SQUEEZING columns may go (size_columns)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.setChildrenCollapsible(False)
        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        # Several runs can be selected for a batch of reports; the detail shows the current one.
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.setWordWrap(False)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list (for the run's detail), as in the inbox
        self.table.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.setHorizontalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(40)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.horizontalHeader().setStretchLastSection(False)
        # Which columns show is the person's: at 1280 px the ten did not fit, and what was on the right (the
        # findings, the last update) took a sideways scroll to read.
        self.table.horizontalHeader().setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.table.horizontalHeader().customContextMenuRequested.connect(self._column_menu)
        # Only the columns the server sorts by look and act clickable: Template, Progress and the others took a
        # click without a word (their tooltip says they cannot be sorted).
        self.table.horizontalHeader().viewport().setMouseTracking(True)
        self.column_menu: QMenu | None = None
        # A template's English name in the Arabic app elided in its own direction ("Bike and e-s…"): laid out
        # right to left, its "…" stood before it ("…Bike and e-scooter fl").
        self.table.setItemDelegate(OwnDirectionDelegate(self.table))
        self.status_delegate = StatusDelegate(self.table)
        self.progress_delegate = ProgressDelegate(self.table)
        self.table.setItemDelegateForColumn(COL_STATUS, self.status_delegate)
        self.table.setItemDelegateForColumn(COL_PROGRESS, self.progress_delegate)
        self.empty_label = label("", "muted", wrap=True)
        self.empty_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        ll.addWidget(self.table, 1)
        ll.addWidget(self.empty_label)
        self.empty_label.hide()
        self.detail = RunDetailView()
        self.splitter.addWidget(left)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([980, 400])
        outer.addWidget(self.splitter, 1)
        # Under the list, as on the Templates page: in the filter row the count and its scope ("12 runs ·
        # With findings") took the room of the search box, whose words were cut at 1024 px.
        bottom = QWidget()
        bottom.setObjectName("runsBottomLine")
        line = QHBoxLayout(bottom)
        line.setContentsMargins(0, 0, 0, 0)
        line.setSpacing(SPACING)
        line.addWidget(self.count_label)
        line.addWidget(self.held_notice)
        line.addWidget(self.order_notice)
        line.addWidget(self.message, 1)
        line.addStretch()
        # As tall as a notice from the start: one that comes or goes does not move the list above it.
        bottom.setMinimumHeight(self.fontMetrics().height() + NOTICE_PADDING)
        outer.addWidget(bottom)
        self.detail.setVisible(self.detail.body.isVisibleTo(self.detail))
        self.detail.body.installEventFilter(self)
        self.table.viewport().installEventFilter(self)
        self.table.horizontalHeader().viewport().installEventFilter(self)

    def ask_batch_path(self, scope: str) -> str:
        """Where to save the reports of `scope` ("3 selected runs"): a .pdf (one file) or a .zip (one per run).
        The kinds of file in the app's language (German's and Spanish's dialog offered "One PDF (*.pdf)")."""
        one_pdf = self.tr("One PDF (*.pdf)")
        zipped = self.tr("ZIP of PDFs, one per run (*.zip)")
        path, chosen = QFileDialog.getSaveFileName(
            self,
            self.tr("Save the reports of {0}").format(scope),
            last_folders.start_in(last_folders.REPORTS, "runs.pdf"),
            f"{one_pdf};;{zipped}",
        )
        if path and not Path(path).suffix:
            path += ".zip" if chosen == zipped else ".pdf"
        last_folders.remember(last_folders.REPORTS, path)
        return path

    def batch_progress(self) -> QProgressDialog:
        """A progress dialog with Cancel, shown at once. Not modal: a modal one pumps the event loop from inside
        `setValue`, re-entering the asyncio loop that drives the export; the Reports button is disabled instead."""
        dialog = QProgressDialog(self.tr("Collecting the runs…"), self.tr("Cancel"), 0, 0, self)
        dialog.setWindowTitle(self.tr("Reports"))
        dialog.setWindowModality(Qt.WindowModality.NonModal)
        dialog.setMinimumDuration(0)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        dialog.setValue(0)
        return dialog

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        # The detail shows a run (its body) or the "select a run" placeholder: only a run earns the room.
        if watched is self.detail.body and event.type() in (
            QEvent.Type.ShowToParent,
            QEvent.Type.HideToParent,
        ):
            self.detail.setVisible(event.type() == QEvent.Type.ShowToParent)
            self.fit_columns()
        elif watched is self.table.viewport() and event.type() == QEvent.Type.Resize:
            self.fit_columns()
        elif watched is self.table.horizontalHeader().viewport() and isinstance(event, QMouseEvent):
            return self._header_mouse(event)
        return False

    def _header_mouse(self, event: QMouseEvent) -> bool:
        """A pointing hand over a column the server sorts by; over another the arrow, and its left clicks are
        not taken (no pressed look, no sort indicator). True: the event stops here."""
        header = self.table.horizontalHeader()
        sortable = header.logicalIndexAt(event.position().toPoint()) in SORT_KEYS
        cursor = Qt.CursorShape.PointingHandCursor if sortable else Qt.CursorShape.ArrowCursor
        if header.viewport().cursor().shape() != cursor:
            header.viewport().setCursor(cursor)
        clicks = (
            QEvent.Type.MouseButtonPress,
            QEvent.Type.MouseButtonRelease,
            QEvent.Type.MouseButtonDblClick,
        )
        return not sortable and event.type() in clicks and event.button() == Qt.MouseButton.LeftButton

    def widest_time(self) -> int:
        """The width a date column needs for the widest time the locale writes (a two-digit day, each month's
        name, a two-digit hour before and after noon: 118 px held "3 Dec 17:35" but cut "13 Dec 10:41 PM")."""
        year = datetime.now().year
        texts = (
            fmt.short_time(datetime(year, month, 28, hour, 48).astimezone().isoformat())  # local times
            for month in range(1, 13)
            for hour in (10, 22)
        )
        return max(self.table.fontMetrics().horizontalAdvance(t) for t in texts) + CELL_PADDING

    def widest_while_ago(self) -> int:
        """The width the last update's column needs for the widest "… ago" the language writes ("12 min ago"
        was cut to "12 min …" in the 90 px that held "9 min ago")."""
        now = datetime.now(UTC)
        texts = [fmt.relative_time(now.isoformat(), now)]  # "just now"
        texts += [fmt.relative_time((now - ago).isoformat(), now) for ago in WIDEST_AGOS]
        return max(self.table.fontMetrics().horizontalAdvance(t) for t in texts) + CELL_PADDING

    def widest_findings(self) -> int:
        """The width the findings column needs for its words in this language, in each plural form a run's
        count takes ("⚠ 1 finding"; Arabic's "⚠ ملاحظة واحدة" was cut to "⚠ ملاحظة وا…" in 110 px)."""
        texts = [findings_words(n) for n in (1, 2, 3, 11)]  # Arabic: one, two, few, many
        return max(self.table.fontMetrics().horizontalAdvance(t) for t in texts) + CELL_PADDING

    def size_columns(self) -> None:
        self.widths = dict(WIDTHS)
        self.widths[COL_FINDINGS] = max(WIDTHS[COL_FINDINGS], self.widest_findings())
        for column in (COL_CREATED, COL_EXPIRES):  # "28 Dec 10:48 PM" where the clock has 12 hours
            self.widths[column] = max(WIDTHS[column], self.widest_time())
        self.widths[COL_UPDATED] = max(WIDTHS[COL_UPDATED], self.widest_while_ago())
        self.widths[COL_STATUS] = max(WIDTHS[COL_STATUS], status_column_width(self.table.font()))
        header = self.table.horizontalHeader()
        model = self.table.model()
        bold = header.font()
        bold.setBold(True)  # style.qss: the header's words are semi-bold

        def header_word(column: int) -> int:
            word = str(model.headerData(column, Qt.Orientation.Horizontal)) if model else ""
            return QFontMetrics(bold).horizontalAdvance(word) + 18

        self.least = {
            # its header whole too (German's "Fortschritt" lost its last letter at 93 px)
            # and a readable bar beside its widest words ("Complete" in the language; Arabic's bar was a dot)
            COL_PROGRESS: min(
                self.widths[COL_PROGRESS],
                max(LEAST_PROGRESS, header_word(COL_PROGRESS), progress_column_least(self.table.font())),
            ),
            COL_DEVICE: min(self.widths[COL_DEVICE], header_word(COL_DEVICE)),
            # its header whole too ("Referencia" lost its last letter at 90 px)
            LAST_SQUEEZED: min(self.widths[LAST_SQUEEZED], max(NARROWEST, header_word(LAST_SQUEEZED))),
        }
        for column, width in self.widths.items():
            self.table.setColumnWidth(column, width)
        # what is still on the device reads next to the progress,
        header.moveSection(header.visualIndex(COL_DEVICE), header.visualIndex(COL_PROGRESS) + 1)
        # then what the answers found: in the width of a laptop's window, not behind a sideways scroll
        header.moveSection(header.visualIndex(COL_FINDINGS), header.visualIndex(COL_DEVICE) + 1)
        self.fit_columns()

    # -- the columns the person chose ------------------------------------------------------------------------
    def _column_menu(self, pos: QPoint) -> None:
        """The header's right-click menu: a box per column, ticked while it shows (one set aside for room is not
        ticked: ticking it brings it back)."""
        model = self.table.model()
        if model is None:
            return
        header = self.table.horizontalHeader()
        menu = QMenu(header)
        for visual in range(header.count()):
            column = header.logicalIndex(visual)
            action = menu.addAction(str(model.headerData(column, Qt.Orientation.Horizontal)))
            action.setCheckable(True)
            action.setChecked(not header.isSectionHidden(column))
            action.setEnabled(column not in ALWAYS_SHOWN)
            action.toggled.connect(lambda shown, column=column: self.show_column(column, shown))
        self.column_menu = menu
        menu.popup(header.mapToGlobal(pos))

    def show_column(self, column: int, shown: bool) -> None:
        """The person's choice for `column`, kept over what the window's width would choose."""
        if column in ALWAYS_SHOWN:
            return
        chosen, other = (
            (self.shown_by_choice, self.hidden_by_choice)
            if shown
            else (self.hidden_by_choice, self.shown_by_choice)
        )
        if column in chosen:
            return
        chosen.add(column)
        other.discard(column)
        self.fit_columns()  # kept in the window's memory at its next check (window_state.py)

    def hidden_column_keys(self) -> list[str]:
        return sorted(COLUMN_KEYS[column] for column in self.hidden_by_choice)

    def shown_column_keys(self) -> list[str]:
        return sorted(COLUMN_KEYS[column] for column in self.shown_by_choice)

    def hide_columns(self, keys: Sequence[str], shown: Sequence[str] = ()) -> None:
        """The columns hidden, and those shown, by choice in an earlier session (names it no longer knows are
        passed over)."""

        def columns(names: Sequence[str]) -> set[int]:
            return {column for column, key in COLUMN_KEYS.items() if key in names} - set(ALWAYS_SHOWN)

        self.hidden_by_choice = columns(keys)
        self.shown_by_choice = columns(shown) - self.hidden_by_choice
        self.fit_columns()

    def fit_columns(self) -> None:
        """The template's name (the longest text) gets what the other columns leave of the table's width,
        and never less than its own width. While a run's detail is open and the columns do not fit, those
        the detail shows too (expiry, dates, executor, findings, device, then the template) step aside, last
        column first, and the executor ref narrows, instead of a sideways scroll bar; they come back when there
        is room. Without a detail, as few of NARROW_ASIDE as the rest needs step aside (they come back when the
        window widens), then the progress and the device narrow (SQUEEZING), then the template, then the
        executor ref (LAST_SQUEEZED), and only then does the table scroll. A column the person showed or hid
        (the header's menu) stays as they chose.

        What needs room is reckoned from the widths of the columns this sets (template, executor ref) as their
        own, never as set, so the table's width alone decides and the layout reaches a fixed point. Read back,
        the ref narrowed to fit then seemed to fit at its own width: it widened, the scroll bar came, the
        viewport's resize narrowed it again, the bar went, without end (a frozen window at 1024 px)."""
        model = self.table.model()
        if model is None or model.columnCount() <= COL_TEMPLATE:
            return
        header = self.table.horizontalHeader()
        columns = range(model.columnCount())

        def width(column: int, *, own: bool = False) -> int:
            """As shown; a hidden column, and with `own` one this sets, at its own width."""
            if header.isSectionHidden(column) or (own and column in (*STRETCHING, *SQUEEZING)):
                return self.widths[column]
            return header.sectionSize(column)

        room = self.table.viewport().width()
        aside = {column for column in self.hidden_by_choice if column in columns}
        needed = sum(width(c, own=True) for c in columns if c not in aside)
        detail_open = self.detail.isVisibleTo(self)

        def spares(aside: set[int]) -> tuple[int, int, int]:
            """What the SQUEEZING columns, the template's name and the executor ref can give up."""
            stretch = COL_REF if COL_TEMPLATE in aside else COL_TEMPLATE
            squeezing = sum(
                self.widths[c] - self.least.get(c, self.widths[c]) for c in SQUEEZING if c not in aside
            )
            template = max(0, self.widths[COL_TEMPLATE] - LEAST_TEMPLATE) if COL_TEMPLATE not in aside else 0
            last = (
                self.widths[LAST_SQUEEZED] - self.least[LAST_SQUEEZED]
                if LAST_SQUEEZED not in aside | {stretch}
                else 0
            )
            return squeezing, template, last

        # Beside the detail nothing narrows for them. Without it they step aside while the rest does not fit at
        # its own widths (at 1360 px the progress bar was squeezed to 17 px to keep Updated), but the last of
        # them (Created: the list's order, its only date) only when squeezing the progress and the device
        # cannot make the room either.
        for column in (*DETAIL_SHOWS, LAST_ASIDE) if detail_open else NARROW_ASIDE:
            squeezed = spares(aside)[0] if not detail_open and column == NARROW_ASIDE[-1] else 0
            if needed - squeezed <= room:
                break
            if column == LAST_ASIDE and COL_REF in aside:
                break  # the ref, hidden by choice, cannot take the template's room: the table scrolls
            if column in columns and column not in aside and column not in self.shown_by_choice:
                aside.add(column)
                needed -= width(column, own=True)
        stretch = COL_REF if COL_TEMPLATE in aside else COL_TEMPLATE  # the column that takes what is left
        for column in columns:
            if header.isSectionHidden(column) != (column in aside):
                self.table.setColumnHidden(column, column in aside)
        excess = needed - room if not detail_open else 0
        squeezing, template_spare, last_spare = spares(aside)
        if excess > squeezing + template_spare + last_spare:
            excess = (
                0  # the table scrolls all the same: nothing is narrowed for nothing ("Vehicle p…" at 1280 px)
            )
        for column in SQUEEZING:
            own = self.widths[column]
            take = min(max(excess, 0), own - self.least.get(column, own)) if column not in aside else 0
            if width(column) != own - take:
                self.table.setColumnWidth(column, own - take)
            excess -= take
        if stretch != LAST_SQUEEZED:
            # Narrowed only for what the template's name cannot spare; else its own width again: narrowed
            # beside the detail, or widened while it took the template's room (kept widened, the template
            # coming back beside it made a sideways scroll bar at 1054 px).
            take = min(max(excess - template_spare, 0), last_spare)
            if width(LAST_SQUEEZED) != self.widths[LAST_SQUEEZED] - take:
                self.table.setColumnWidth(LAST_SQUEEZED, self.widths[LAST_SQUEEZED] - take)
            excess -= take
        others = sum(width(c) for c in columns if c != stretch and c not in aside)
        # Narrower than its own width only to spare a sideways scroll bar beside the detail: without it the
        # table scrolls anyway, and at 1280 px the template's name was cut to "Bike an…" for nothing.
        narrowest = (
            NARROWEST
            if needed > room and detail_open
            else min(self.widths[stretch], LEAST_TEMPLATE)
            if excess > 0 and stretch == COL_TEMPLATE
            else self.widths[stretch]
        )
        self.table.setColumnWidth(stretch, max(narrowest, room - others))
        self.table.updateGeometries()  # the scroll bar follows now, not on a later resize
