"""The main window's layout: a sidebar (brand, pages with icons, the org), stacked pages, a status bar."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
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

        sidebar = QFrame()
        sidebar.setObjectName("Sidebar")
        sidebar.setFixedWidth(216)
        sl = QVBoxLayout(sidebar)
        sl.setContentsMargins(14, 18, 14, 14)
        sl.setSpacing(6)
        brand = QHBoxLayout()
        logo = QLabel()
        logo.setPixmap(pixmap("logo", None, 30))
        brand.addWidget(logo)
        names = QVBoxLayout()
        names.setSpacing(0)
        title = QLabel("Rundun")
        title.setObjectName("Brand")
        self.org_label = QLabel("")
        self.org_label.setObjectName("BrandSub")
        names.addWidget(title)
        names.addWidget(self.org_label)
        brand.addLayout(names, 1)
        sl.addLayout(brand)
        sl.addSpacing(18)
        self.nav = QListWidget()
        self.nav.setObjectName("Nav")
        self.nav.setIconSize(QSize(18, 18))
        self.nav.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.nav.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for key, text in PAGES:
            item = QListWidgetItem(
                icon(key, "#c5cbe0", selected="#ffffff", follow_scheme=False),  # dark in both
                "  " + QCoreApplication.translate("main_window", text),
            )
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
