"""The dashboard page's layout: filters, six cards, the runs chart, one chart per step of a chosen template,
each chart beside a table of its numbers (a "Numbers" tab: keyboard and screen readers), an empty state."""

from __future__ import annotations

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtGui import QResizeEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFrame,
    QGridLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import formatting as fmt
from rundun_desktop import last_folders
from rundun_desktop.dashboard.charts import ChartView
from rundun_desktop.dashboard.models import CUSTOM_PERIOD, PERIODS, Card
from rundun_desktop.style import set_role
from rundun_desktop.widgets.common import (
    MARGIN,
    SPACING,
    MessageLine,
    ask_save_path,
    button,
    card,
    label,
    page_header,
)
from rundun_desktop.widgets.layouts import clear_layout


def numbers_table(name: str) -> QTableView:
    table = QTableView()
    table.setAccessibleName(name)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setTabKeyNavigation(False)  # Tab leaves the numbers: the arrows move in them
    table.verticalHeader().hide()
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    table.horizontalHeader().setStretchLastSection(True)
    table.setMinimumHeight(120)
    return table


class ChartPanel(QTabWidget):
    """A chart and, on its second tab, the same numbers as a table."""

    def __init__(self, name: str, parent: QWidget | None = None):
        super().__init__(parent)
        self.chart = ChartView(name)
        self.table = numbers_table(self.tr("{0}: numbers").format(name))
        self.addTab(self.chart, self.tr("Chart"))
        self.addTab(self.table, self.tr("Numbers"))
        self.setAccessibleName(name)


CARD_HEIGHT = 78  # a card's height with one line of each: title, number, hint


class CardButton(QPushButton):
    """A card that is a button: Tab reaches it, Enter opens its runs in the monitor."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, card=True)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setMinimumHeight(CARD_HEIGHT)
        policy = (
            self.sizePolicy()
        )  # a push button's is a fixed height: the row's cards as tall as its tallest
        policy.setVerticalPolicy(QSizePolicy.Policy.Preferred)
        self.setSizePolicy(policy)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        layout.setSpacing(2)
        self.title = label("", "muted")
        self.value = QLabel("")
        self.value.setStyleSheet(
            "font-size: 22px; font-weight: 700;"
        )  # the app's stylesheet sets label fonts
        self.hint = label("", "muted", wrap=True)
        for widget in (self.title, self.value, self.hint):
            widget.setAttribute(Qt.WidgetAttribute.WA_TransparentForMouseEvents)
            layout.addWidget(widget)
        # In a row made taller by another card's words, the room left goes under its own hint: its words
        # stay at the top, level with the other cards'.
        self.hint.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hint.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Expanding)

    def fit_height(self) -> None:
        """As tall as its words at its width: a hint wrapped to two lines ("Durchläufe mit mindestens einem
        Befund" in a 1024 px window) ran into the number above it and out of the card below. (A push button's
        size hint is its own text's, not its layout's: the grid gave every card one line's height.)"""
        layout = self.layout()
        assert layout is not None  # made in __init__
        needed = max(CARD_HEIGHT, layout.totalHeightForWidth(self.width()))
        if self.minimumHeight() != needed:
            self.setMinimumHeight(needed)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.fit_height()  # a width change re-wraps the hint; the height follows (width never follows it)

    def show_card(self, c: Card) -> None:
        self.title.setText(c.title)
        self.value.setText(c.value)
        self.hint.setText(c.hint)
        self.fit_height()
        self.setAccessibleName(
            self.tr("{0}: {1}, {2}. Opens these runs in the monitor.").format(c.title, c.value, c.hint)
        )
        self.setToolTip(self.tr("Show these runs in the Runs monitor"))


class DashboardView(QWidget):
    card_clicked = Signal(str)
    shown = Signal()  # the page came into view: templates may have changed meanwhile

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.controller: QObject | None = None  # set by whoever builds the page (the main window)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        self.scroll_area = QScrollArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        outer.addWidget(self.scroll_area)
        self.page = QWidget()
        self.scroll_area.setWidget(self.page)
        root = QVBoxLayout(self.page)
        root.setContentsMargins(MARGIN, MARGIN, MARGIN, MARGIN)
        root.setSpacing(SPACING)

        header, actions = page_header(
            self.tr("Dashboard"), self.tr("How the work is going, and which answers need action")
        )
        self.refresh_button = button("", "refresh")
        self.refresh_button.setToolTip(self.tr("Refresh"))
        self.refresh_button.setAccessibleName(self.tr("Refresh the dashboard"))
        self.png_button = button(self.tr("PNG"))
        self.png_button.setToolTip(self.tr("Export the page as a PNG image"))
        self.pdf_button = button(self.tr("PDF"))
        self.pdf_button.setToolTip(self.tr("Export the page as an A4 PDF"))
        for widget in (self.refresh_button, self.png_button, self.pdf_button):
            actions.addWidget(widget)
        root.addWidget(header)
        root.addLayout(self._filters())
        self.message = MessageLine()
        root.addWidget(self.message)

        self.empty = label("", "subtitle", wrap=True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setMinimumHeight(120)
        self.empty.hide()
        root.addWidget(self.empty)

        self.content = QWidget()
        body = QVBoxLayout(self.content)
        body.setContentsMargins(0, 0, 0, 0)
        body.setSpacing(SPACING)
        cards = QGridLayout()
        cards.setSpacing(SPACING)
        self.cards: dict[str, CardButton] = {}
        for i, key in enumerate(("dispatched", "completed", "rate", "median", "flagged", "expired")):
            widget = CardButton()
            widget.clicked.connect(lambda _=False, key=key: self.card_clicked.emit(key))
            self.cards[key] = widget
            cards.addWidget(widget, i // 3, i % 3)
        body.addLayout(cards)
        self.runs_panel = ChartPanel(self.tr("Runs by status"))
        self.runs_panel.setFixedHeight(340)
        body.addWidget(self.runs_panel)
        self.steps_title = label("", "section")
        body.addWidget(self.steps_title)
        self.steps_hint = label("", "muted", wrap=True)
        body.addWidget(self.steps_hint)
        self.steps_box = QVBoxLayout()
        self.steps_box.setSpacing(SPACING)
        body.addLayout(self.steps_box)
        root.addWidget(self.content)
        root.addStretch(1)
        self.step_panels: dict[str, ChartPanel] = {}
        self.step_notes: dict[str, QLabel] = {}

    def _filters(self) -> QGridLayout:
        grid = QGridLayout()
        grid.setHorizontalSpacing(8)
        grid.setVerticalSpacing(6)
        self.period = QComboBox()
        self.period.setAccessibleName(self.tr("Period"))
        for days in PERIODS:
            self.period.addItem(self.tr("Last %Ln day(s)", "", days), days)
        self.period.addItem(self.tr("Custom…"), CUSTOM_PERIOD)
        self.period.setCurrentIndex(1)
        self.date_from, self.date_to = QDateEdit(), QDateEdit()
        for edit, name in ((self.date_from, self.tr("From")), (self.date_to, self.tr("To"))):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat(fmt.date_form())  # as every date of the app is written ("6 Nov 2026")
            edit.setAccessibleName(name)
            edit.setDate(QDate.currentDate())
            edit.setEnabled(False)
        self.template = QComboBox()
        self.template.setAccessibleName(self.tr("Template"))
        self.template.setMinimumContentsLength(16)
        self.template.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.version = QComboBox()
        self.version.setAccessibleName(self.tr("Template version"))
        # Its longest words ("Latest version") whole, whatever width the grid has left (1024 px windows).
        self.version.setMinimumContentsLength(len(self.tr("Latest version")))
        self.version.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.executor_ref = QLineEdit()
        self.executor_ref.setPlaceholderText(self.tr("Executor reference"))
        self.executor_ref.setAccessibleName(self.tr("Executor reference"))
        self.executor_ref.setClearButtonEnabled(True)
        self.zone = label("", "muted")
        grid.addWidget(self.period, 0, 0)
        grid.addWidget(self.date_from, 0, 1)
        grid.addWidget(self.date_to, 0, 2)
        grid.addWidget(self.zone, 0, 3, 1, 2)
        grid.addWidget(self.template, 1, 0, 1, 2)
        grid.addWidget(self.version, 1, 2)
        grid.addWidget(self.executor_ref, 1, 3, 1, 2)
        grid.setColumnStretch(4, 1)
        return grid

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.shown.emit()

    # -- shown by the controller ------------------------------------------------------------------------------
    def show_cards(self, cards: list[Card]) -> None:
        for c in cards:
            self.cards[c.key].show_card(c)

    def show_empty(self, text: str | None) -> None:
        self.empty.setText(text or "")
        self.empty.setVisible(bool(text))
        self.content.setVisible(not text)

    def clear_steps(self) -> None:
        clear_layout(self.steps_box)
        self.step_panels, self.step_notes = {}, {}

    def add_step_panel(self, step_id: str, name: str) -> ChartPanel:
        panel = ChartPanel(name)
        panel.setFixedHeight(270)
        self.steps_box.addWidget(panel)
        self.step_panels[step_id] = panel
        return panel

    def add_step_note(self, step_id: str, text: str) -> None:
        """A step without a chart (text, date, photo…): its counts in words."""
        frame, layout = card(margins=10)
        note = label(text, wrap=True)
        layout.addWidget(note)
        self.steps_box.addWidget(frame)
        self.step_notes[step_id] = note

    def ask_save_path(self, kind: str) -> str:
        suffix = kind.lower()
        return ask_save_path(
            self,
            self.tr("Export the dashboard as {0}").format(kind),
            f"dashboard.{suffix}",
            f"{kind} (*.{suffix})",
            last_folders.REPORTS,
        )
