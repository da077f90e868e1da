"""The main window's layout: a sidebar (brand, pages with icons, the org), stacked pages, a status bar.

Below `COMPACT_BELOW` pixels of width the sidebar folds to its icons (each page's name, and the plan's line,
in tooltips): at 1024 × 700 its 216 px left the editor's step tree about 190 px, where a label read
"Paint…eaks? *"; folded it is 64 px and the pages get the rest."""

from __future__ import annotations

from collections.abc import Callable
from typing import cast

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QGuiApplication, QKeyEvent, QKeySequence, QResizeEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.style import icon, pixmap
from rundun_desktop.widgets.common import label
from rundun_desktop.words import QT_TRANSLATE_NOOP

PAGES = [
    ("templates", QT_TRANSLATE_NOOP("main_window", "Templates")),
    ("runs", QT_TRANSLATE_NOOP("main_window", "Runs")),
    (
        "dashboard",
        QT_TRANSLATE_NOOP("main_window", "Dashboard"),
    ),  # beside the monitor: the numbers of the runs it lists
    ("executor", QT_TRANSLATE_NOOP("main_window", "Executor")),
    ("settings", QT_TRANSLATE_NOOP("main_window", "Settings")),
]


PREFERRED_SIZE = QSize(1360, 860)
COMPACT_BELOW = 1180  # the window's width under which the sidebar shows its icons alone
SIDEBAR_WIDTH, COMPACT_SIDEBAR_WIDTH = 216, 64


class IconsAlone(QStyledItemDelegate):
    """The sidebar's pages as icons alone while `compact`: the style paints the item (its selection, hover
    and padding from the style sheet) without its words, which stay the item's (and its tooltip's)."""

    compact = False

    def initStyleOption(self, option: QStyleOptionViewItem, index) -> None:
        super().initStyleOption(option, index)
        if self.compact:
            option.text = ""
            option.features &= ~QStyleOptionViewItem.ViewItemFeature.HasDisplay
            option.decorationAlignment = Qt.AlignmentFlag.AlignCenter
            option.decorationPosition = QStyleOptionViewItem.Position.Top
            option.displayAlignment = Qt.AlignmentFlag.AlignCenter

    def sizeHint(self, option: QStyleOptionViewItem, index) -> QSize:
        hint = super().sizeHint(option, index)
        view = self.parent()
        if self.compact and isinstance(view, QListWidget):  # no wider than the folded sidebar's list
            hint.setWidth(min(hint.width(), view.viewport().width()))
        return hint


class MainWindowView(QMainWindow):
    closing = Signal()  # the user closed the window: the app shuts down (async clean-up first)

    def __init__(self):
        super().__init__()
        # Asked before the window closes (the close button, the OS quitting the app): False keeps it
        # open. The controller sets it; the question itself (unsaved edits) is the controller's.
        self.close_guard: Callable[[], bool] | None = None
        self.setWindowTitle("Rundun")
        self.setMinimumSize(980, 620)
        # Its preferred size, but never larger than the screen: on a 1280×800 or 1366×768 laptop a fixed
        # 1360×860 opened with the Dispatch button and the status bar's right end off the screen.
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else PREFERRED_SIZE
        self.resize(PREFERRED_SIZE.boundedTo(room).expandedTo(self.minimumSize()))
        central = QWidget()
        root = QHBoxLayout(central)
        root.setContentsMargins(0, 0, 0, 0)
        root.setSpacing(0)
        self.setCentralWidget(central)

        self.sidebar = sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(SIDEBAR_WIDTH)
        self.sidebar_layout = sl = QVBoxLayout(sidebar)
        sl.setContentsMargins(14, 18, 14, 14)
        sl.setSpacing(6)
        brand = QHBoxLayout()
        self.logo = logo = QLabel()
        logo.setPixmap(pixmap("logo", None, 30))
        logo.installEventFilter(self)  # folded, its tooltip says what the sidebar's words said
        brand.addWidget(logo)
        self.brand_names = QWidget()
        names = QVBoxLayout(self.brand_names)
        names.setContentsMargins(0, 0, 0, 0)
        names.setSpacing(0)
        title = QLabel("Rundun")
        title.setObjectName("Brand")
        self.org_label = QLabel("")
        self.org_label.setObjectName("BrandSub")
        names.addWidget(title)
        names.addWidget(self.org_label)
        brand.addWidget(self.brand_names, 1)
        sl.addLayout(brand)
        sl.addSpacing(18)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # folded: words wider
        # Tab reaches it (a click does not take the focus from the page): ↑/↓, Home/End change page, Enter or
        # Space then goes into the page. With NoFocus a keyboard alone could not change page.
        self.nav.setFocusPolicy(Qt.FocusPolicy.TabFocus)
        self.nav.installEventFilter(self)
        self.nav_icons = IconsAlone(self.nav)
        self.nav.setItemDelegate(self.nav_icons)
        for key, text in PAGES:
            name = QCoreApplication.translate("main_window", text)
            item = QListWidgetItem(
                icon(key, "#c5cbe0", selected="#ffffff", follow_scheme=False),  # dark in both
                "  " + name,
            )
            item.setToolTip(name)
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
        sl.addWidget(self.nav, 1)
        self.plan_label = QLabel("")
        self.plan_label.setObjectName("SidebarFoot")
        self.plan_label.setWordWrap(True)
        sl.addWidget(self.plan_label)
        root.addWidget(sidebar)

        self.stack = QStackedWidget()
        root.addWidget(self.stack, 1)

        bar = self.statusBar()
        bar.setSizeGripEnabled(False)
        self.connection_dot = QLabel("●")
        self.connection_text = label(self.tr("Starting…"))
        holder = QWidget()
        hl = QHBoxLayout(holder)
        hl.setContentsMargins(8, 2, 8, 2)
        hl.setSpacing(4)
        hl.addWidget(self.connection_dot)
        hl.addWidget(self.connection_text)
        hl.addStretch(1)
        bar.addWidget(holder, 1)
        self.live_text = label("", "muted")
        bar.addPermanentWidget(self.live_text)

    @property
    def compact(self) -> bool:
        return self.nav_icons.compact

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self.set_compact(event.size().width() < COMPACT_BELOW)

    def set_compact(self, compact: bool) -> None:
        """The sidebar folded to its icons (the brand's words and the plan's line hidden) or whole."""
        if compact == self.nav_icons.compact:
            return
        self.nav_icons.compact = compact
        self.sidebar.setFixedWidth(COMPACT_SIDEBAR_WIDTH if compact else SIDEBAR_WIDTH)
        side = 10 if compact else 14
        self.sidebar_layout.setContentsMargins(side, 18, side, 14)
        self.brand_names.setVisible(not compact)
        self.plan_label.setVisible(not compact)
        self.nav.doItemsLayout()
        self.nav.viewport().update()

    def add_go_menu(self) -> dict[str, QAction]:
        """Go → each page, Ctrl+1 … Ctrl+5 in the sidebar's order (after File: the menus read File, Go, Help).
        The keys are the window's wherever the focus is; no page uses Ctrl+digit for itself."""
        self.go_menu = QMenu(QCoreApplication.translate("main_window", "&Go"), self)
        self.menuBar().addMenu(self.go_menu)
        actions = {}
        for n, (key, text) in enumerate(PAGES, start=1):
            action = self.go_menu.addAction(QCoreApplication.translate("main_window", text))
            action.setShortcut(QKeySequence(f"Ctrl+{n}"))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
            action.setData(key)
            self.addAction(action)  # the keys work with the menu bar hidden (a platform's global menu) too
            actions[key] = action
        return actions

    def focus_into_page(self) -> None:
        """The focus on the page on show: where it last was there, else its first field or button. After the
        events already queued: a page built as it is first shown shows its widgets in one of them."""
        QTimer.singleShot(0, self._focus_into_page)

    def _focus_into_page(self) -> None:
        page = self.stack.currentWidget()
        if page is None:
            return
        last = page.focusWidget()
        if last is not None and last.isVisible() and last.isEnabled():
            last.setFocus(Qt.FocusReason.TabFocusReason)
            return
        widget = page.nextInFocusChain()
        while widget is not None and widget is not page:
            if (
                page.isAncestorOf(widget)
                and widget.isVisible()
                and widget.isEnabled()
                and widget.focusPolicy().value & Qt.FocusPolicy.TabFocus.value
            ):
                widget.setFocus(Qt.FocusReason.TabFocusReason)
                return
            widget = widget.nextInFocusChain()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if isinstance(watched, QListWidget) and event.type() == QEvent.Type.KeyPress:  # the sidebar
            key = cast(QKeyEvent, event).key()
            if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space):
                self.focus_into_page()  # the page the arrows chose
                return True
        if watched is self.logo and event.type() == QEvent.Type.ToolTip and self.compact:
            words = [w.text() for w in (self.org_label, self.plan_label) if w.text()]
            QToolTip.showText(event.globalPos(), "\n".join(words), self.logo)  # type: ignore[attr-defined]
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:
        if self.close_guard is not None and not self.close_guard():
            event.ignore()
            return
        self.closing.emit()
        super().closeEvent(event)

    def add_page(self, key: str, widget: QWidget) -> None:
        widget.setProperty("page_key", key)
        self.stack.addWidget(widget)

    def page_index(self, key: str) -> int:
        for i in range(self.stack.count()):
            page = self.stack.widget(i)
            if page is not None and page.property("page_key") == key:
                return i
        return -1
