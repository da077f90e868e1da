"""The runner's layout: the run's title and progress, a banner for its state, the sections on the left, the
current section's steps on the right, previous/next, and Complete / Give up at the bottom with their inline
confirmations. Layout only; `RunnerController` adds the behaviour.

Shortcuts: Alt+→ / Ctrl+PgDown next section, Alt+← / Ctrl+PgUp previous, Ctrl+Enter complete.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QPoint, Qt, QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QProgressBar,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.executor.style import SECTION_ITEM_PADDING
from rundun_desktop.style import set_role
from rundun_desktop.widgets.common import button
from rundun_desktop.widgets.wrapped_rows import fit_wrapped_rows


def ask_export_folder(parent: QWidget) -> Path | None:
    """The folder a run is exported to (the runner's and the inbox's Export…), or None when cancelled."""
    folder = QFileDialog.getExistingDirectory(
        parent, QCoreApplication.translate("runner_view", "Export the run to a folder"), str(Path.home())
    )
    return Path(folder) if folder else None


class ElidedLabel(QLabel):
    """One line that shortens itself with "…" in the middle when it does not fit (the whole text in the
    tooltip), instead of being cut off or widening the page."""

    def __init__(self, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self._full = ""
        self.setMinimumWidth(40)
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.set_full_text(text)

    def set_full_text(self, text: str) -> None:
        self._full = text
        self.setToolTip(text)
        self._elide()

    def full_text(self) -> str:
        return self._full

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._elide()

    def _elide(self) -> None:
        metrics = self.fontMetrics()
        self.setText(metrics.elidedText(self._full, Qt.TextElideMode.ElideMiddle, max(0, self.width() - 2)))


class Banner(QLabel):
    """A line about the run's state (tone: info, done, error); links in it are reachable by keyboard."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("banner")
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.RichText)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextBrowserInteraction)
        # A list kept taller than its words (see `say`) reads from the top.
        self.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        self.hide()

    def say(self, html: str, tone: str = "info", *, keep_height: bool = False) -> None:
        """`keep_height`: no shorter than it shows now (a list that shrinks as its items are done: what is
        under it stays under the person's pointer)."""
        self.setMinimumHeight(self.height() if keep_height and self.isVisible() else 0)
        set_role(self, tone=tone)
        self.setText(html)
        self.setVisible(bool(html))


class ConfirmBar(QFrame):
    """An inline "are you sure" with an optional text field, instead of a modal dialog."""

    confirmed = Signal(str)

    def __init__(
        self,
        text: str,
        action: str,
        *,
        danger: bool = False,
        field: str | None = None,
        parent: QWidget | None = None,
    ):
        super().__init__(parent)
        self.setObjectName("stepCard")
        row = QHBoxLayout(self)
        row.setContentsMargins(14, 10, 14, 10)
        self.text = QLabel(text)
        self.text.setWordWrap(True)
        row.addWidget(self.text, 1)
        self.field: QLineEdit | None = None
        if field:
            self.field = QLineEdit()
            self.field.setPlaceholderText(field)
            self.field.setMinimumWidth(220)
            row.addWidget(self.field)
        self.cancel = button(self.tr("Cancel"))
        self.ok = button(action, primary=not danger, danger=danger)
        row.addWidget(self.cancel)
        row.addWidget(self.ok)
        self.cancel.clicked.connect(self.hide)
        self.ok.clicked.connect(lambda: self.confirmed.emit(self.field.text().strip() if self.field else ""))
        if self.field is not None:  # Enter after typing the reason does what the button says (it did nothing)
            self.field.returnPressed.connect(self.ok.click)
        self.hide()

    def ask(self) -> None:
        """Show the question, alone: another bar's still open beside it read as one question, and its buttons
        were pressed for this one's."""
        parent = self.parentWidget()
        if parent is not None:
            for other in parent.findChildren(ConfirmBar, options=Qt.FindChildOption.FindDirectChildrenOnly):
                if other is not self:
                    other.hide()
        if self.field is not None:
            self.field.clear()
        self.show()
        (self.field or self.ok).setFocus()

    def keyPressEvent(self, event) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.hide()
            return
        super().keyPressEvent(event)


class FormArea(QScrollArea):
    """The section's steps, which stay where they are on screen when the banner above comes, goes or changes
    height: the area moves down (or up) and scrolls by as much, as far as it can scroll. A banner appearing
    ("Not sent yet" when a server stopped answering) moved the form 80 px, and a click meant for a field
    landed on another."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self._top: int | None = None
        # A section too short to scroll by as much (two steps at 1024×700 could not scroll at all, and moved
        # 80 px) is made taller, room below its steps, while the banner stays: this page, until then.
        self._roomy: QWidget | None = None

    def setWidget(self, widget: QWidget) -> None:
        self._scroll_room(0)  # the page left keeps no room: it is shown again from its top
        super().setWidget(widget)

    def _scroll_room(self, scroll: int) -> None:
        """Let the page scroll to `scroll` (0: as it is, no room added), making it taller if it must be."""
        page = self.widget()
        if page is None:
            return
        natural = page.sizeHint().height() - self.viewport().height()  # how far it scrolls as it is
        if scroll <= natural:
            if self._roomy is page:
                page.setMinimumHeight(0)
            self._roomy = None
            return
        self._roomy = page
        page.setMinimumHeight(self.viewport().height() + scroll)
        page.resize(page.width(), page.minimumHeight())  # the scroll range grows now, not at the next layout

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)  # the scroll range first: the area is shorter or taller now
        self._follow_top()

    def moveEvent(self, event) -> None:
        super().moveEvent(event)
        # Moved and resized by the layout: the resize (sent after the move) makes up for it once the scroll
        # range has grown; this is for a move alone.
        QTimer.singleShot(0, self, self._follow_top)

    def _follow_top(self) -> None:
        top = self.mapTo(self.window(), QPoint(0, 0)).y()
        if self._top is not None and top != self._top and self.isVisible():
            bar = self.verticalScrollBar()
            wanted = max(0, bar.value() + top - self._top)
            if (
                wanted > bar.maximum() or self._roomy is not None
            ):  # past what it scrolls, or room to give back
                self._scroll_room(wanted)
            bar.setValue(wanted)
        self._top = top

    def hideEvent(self, event) -> None:
        super().hideEvent(event)
        self._top = None  # shown again (another run, the inbox in between): no shift to make up for


def takes_tab(widget: QWidget, window: QWidget) -> bool:
    """Whether Tab can stop at `widget` now (as Qt decides: shown, enabled, taking Tab focus itself)."""
    policy = widget.focusPolicy()
    return (
        widget.isEnabled()
        and widget.isVisibleTo(window)
        and policy & Qt.FocusPolicy.TabFocus == Qt.FocusPolicy.TabFocus
        and widget.focusProxy() is None
    )


class RunnerView(QWidget):
    back_requested = Signal()
    export_requested = Signal(Path)  # the folder the person chose to export the run to

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        root = QVBoxLayout(self)
        root.setContentsMargins(24, 18, 24, 14)
        root.setSpacing(10)

        top = QHBoxLayout()
        self.back = button(self.tr("← Inbox"), flat=True)
        self.back.setToolTip(self.tr("Back to the runs on this computer (Esc)"))
        self.back.clicked.connect(self.back_requested)
        top.addWidget(self.back, 0, Qt.AlignmentFlag.AlignTop)
        titles = QVBoxLayout()
        titles.setSpacing(2)
        self.title = ElidedLabel("")
        self.title.setObjectName("runTitle")
        self.subtitle = ElidedLabel("")
        self.subtitle.setObjectName("stepNote")
        self.subtitle.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        titles.addWidget(self.title)
        titles.addWidget(self.subtitle)
        top.addLayout(titles, 1)
        progress_box = QVBoxLayout()
        progress_box.setSpacing(4)
        self.progress_text = QLabel("")
        self.progress_text.setAlignment(Qt.AlignmentFlag.AlignRight)
        self.progress = QProgressBar()
        self.progress.setFixedWidth(240)
        self.progress.setTextVisible(False)
        progress_box.addWidget(self.progress_text)
        progress_box.addWidget(self.progress)
        top.addLayout(progress_box)
        root.addLayout(top)

        self.banner = Banner()
        root.addWidget(self.banner)

        body = QHBoxLayout()
        body.setSpacing(16)
        self.sections = QListWidget()
        self.sections.setObjectName("sectionList")
        self.sections.setFixedWidth(230)
        # A long title wraps with its count: a German "Funktionsprüfung (Motor an)   0/8" lost its count behind
        # a horizontal scroll bar.
        self.sections.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        fit_wrapped_rows(self.sections, padding=SECTION_ITEM_PADDING)
        self.sections.setToolTip(self.tr("Sections (Alt+← / Alt+→ to move between them)"))
        body.addWidget(self.sections)
        column = QVBoxLayout()
        column.setSpacing(8)
        self.section_title = QLabel("")
        self.section_title.setObjectName("sectionTitle")
        column.addWidget(self.section_title)
        self.scroll_area = FormArea()
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setFrameShape(QFrame.Shape.NoFrame)
        column.addWidget(self.scroll_area, 1)
        nav = QHBoxLayout()
        self.previous = button(self.tr("◀ Previous section"))
        self.previous.setToolTip(self.tr("Alt+← or Ctrl+PgUp"))
        self.next = button(self.tr("Next section ▶"))
        self.next.setToolTip(self.tr("Alt+→ or Ctrl+PgDown"))
        nav.addWidget(self.previous)
        nav.addStretch(1)
        nav.addWidget(self.next)
        column.addLayout(nav)
        body.addLayout(column, 1)
        root.addLayout(body, 1)

        self.confirm_complete = ConfirmBar(
            self.tr(
                "Complete this run? Its answers cannot be changed afterwards. It is sent as soon as the server can be reached."
            ),
            self.tr("Complete now"),
        )
        self.confirm_exit = ConfirmBar(
            self.tr("Give up this run? The organisation is told that you exited it; it cannot be resumed."),
            self.tr("Give up the run"),
            danger=True,
            field=self.tr("Why (optional)"),
        )
        root.addWidget(self.confirm_complete)
        root.addWidget(self.confirm_exit)

        foot = QHBoxLayout()
        self.exit_button = button(self.tr("Give up run…"), danger=True)
        self.export_button = button(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the answers as JSON with the photo files"))
        self.complete_button = button(self.tr("Complete run"), primary=True)
        self.complete_button.setToolTip(self.tr("Ctrl+Enter"))
        self.export_button.clicked.connect(self._ask_export_folder)
        foot.addWidget(self.exit_button)
        foot.addWidget(self.export_button)
        foot.addStretch(1)
        foot.addWidget(self.complete_button)
        root.addLayout(foot)

        self.shortcuts = {
            "next": [QShortcut(QKeySequence(k), self) for k in ("Alt+Right", "Ctrl+PgDown")],
            "previous": [QShortcut(QKeySequence(k), self) for k in ("Alt+Left", "Ctrl+PgUp")],
            "complete": [QShortcut(QKeySequence(k), self) for k in ("Ctrl+Return", "Ctrl+Enter")],
            "back": [QShortcut(QKeySequence("Escape"), self)],
        }
        for shortcut in self.shortcuts["back"]:
            shortcut.activated.connect(self._escape)

    def show_subtitle(self, text: str) -> None:
        self.subtitle.set_full_text(text)

    def show_title(self, text: str) -> None:
        self.title.set_full_text(text)

    def _escape(self) -> None:
        for bar in (self.confirm_complete, self.confirm_exit):
            if bar.isVisible():
                bar.hide()
                return
        self.back_requested.emit()

    def _ask_export_folder(self) -> None:
        folder = ask_export_folder(self)
        if folder is not None:
            self.export_requested.emit(folder)

    def show_sections(self, titles: list[str]) -> None:
        """The section list of a newly loaded run (no `currentRowChanged` while it is filled)."""
        self.sections.blockSignals(True)
        self.sections.clear()
        self.sections.addItems(titles)
        self.sections.blockSignals(False)

    @staticmethod
    def section_page(cards: list[QWidget]) -> QWidget:
        """A section's page: its step cards one under the other, the space left below them."""
        page = QWidget()
        page.setObjectName("sectionPage")
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 8, 8)
        layout.setSpacing(10)
        for card in cards:
            layout.addWidget(card)
        layout.addStretch(1)
        return page

    def show_section(
        self, page: QWidget, index: int, title: str, *, has_previous: bool, has_next: bool
    ) -> None:
        """Show section `index`: its page, its title, its row in the list, and where the arrows can go."""
        self.show_page(page)
        self.section_title.setText(title)
        self.sections.blockSignals(True)
        self.sections.setCurrentRow(index)
        self.sections.blockSignals(False)
        self.previous.setEnabled(has_previous)
        self.next.setEnabled(has_next)

    def show_page(self, page: QWidget) -> None:
        """Put a section's page in the scroll area, keeping the previous one alive (it is reused)."""
        current = self.scroll_area.widget()
        if current is page:
            return
        if current is not None:
            self.scroll_area.takeWidget().hide()
        self.scroll_area.setWidget(page)
        page.show()
        self.scroll_area.verticalScrollBar().setValue(0)

    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab and Shift+Tab: the section list, the shown section's answers top to bottom, then the section
        and run buttons. Qt's own order follows the window's focus chain, where a section's page, made after
        the buttons, came last: Tab from the last answer wrapped to "← Inbox" (the next key left the run)."""
        stops = self._tab_stops()
        current = QApplication.focusWidget()
        while current is not None and current not in stops:  # the focus in a part of a compound input
            current = current.parentWidget()
        if current is None:
            return super().focusNextPrevChild(next)
        at = stops.index(current) + (1 if next else -1)
        if not 0 <= at < len(stops):  # leaving the runner (the sidebar, the sync bar): Qt's order
            return super().focusNextPrevChild(next)
        stops[at].setFocus(Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason)
        page = self.scroll_area.widget()
        if page is not None and page.isAncestorOf(stops[at]):
            self.scroll_area.ensureWidgetVisible(stops[at])
        return True

    def _tab_stops(self) -> list[QWidget]:
        """What Tab stops at in the runner: its own widgets in the focus chain's order, the shown page's where
        they appear on screen (a photo added later is last in the chain but in the middle of the page)."""
        page, window = self.scroll_area.widget(), self.window()
        answers: list[QWidget] = []
        around: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self:  # the window's chain is a ring through this view
            if self.isAncestorOf(widget) and widget is not self.scroll_area and takes_tab(widget, window):
                (answers if page is not None and page.isAncestorOf(widget) else around).append(widget)
            widget = widget.nextInFocusChain()
        rtl = self.layoutDirection() == Qt.LayoutDirection.RightToLeft

        def on_screen(widget: QWidget) -> tuple[int, int]:
            corner = widget.mapTo(self, QPoint(0, 0))
            return corner.y(), -corner.x() if rtl else corner.x()

        answers.sort(key=on_screen)
        after = around.index(self.sections) + 1 if self.sections in around else 0
        return around[:after] + answers + around[after:]
