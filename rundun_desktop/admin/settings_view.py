"""The Settings page's layout: tabs for the organisation (plan and usage), API keys, members, the connection."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QFormLayout,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QProgressBar,
    QRadioButton,
    QScrollArea,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.admin.sharing_view import SharingView
from rundun_desktop.style import icon
from rundun_desktop.widgets.common import (
    MARGIN,
    SPACING,
    HoursBox,
    MessageLine,
    SecretReveal,
    button,
    card,
    label,
    page_header,
)


def _table() -> QTableView:
    table = QTableView()
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setAlternatingRowColors(True)
    table.setShowGrid(False)
    table.setTabKeyNavigation(False)  # Tab leaves the list: the arrows move in it
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(38)
    table.horizontalHeader().setStretchLastSection(True)
    table.horizontalHeader().setHighlightSections(False)
    table.horizontalHeader().setDefaultAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
    # Each column as wide as its words (a few keys or members: cheap), the last taking what is left: five
    # columns of 190 px scrolled sideways at 1024 px, the keys' State out of sight.
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    return table


def _tab() -> tuple[QWidget, QVBoxLayout]:
    page = QWidget()
    page.setObjectName("Page")
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 16, 0, 0)
    layout.setSpacing(SPACING)
    return page, layout


class SettingsView(QWidget):
    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, 12)
        outer.setSpacing(SPACING)
        header, _ = page_header(
            self.tr("Settings"), self.tr("Your organisation, its plan, API keys and members, and the server.")
        )
        outer.addWidget(header)
        self.tabs = QTabWidget()
        outer.addWidget(self.tabs, 1)
        self._org_tab()
        self._keys_tab()
        self._members_tab()
        self._connection_tab()
        self._language_tab()
        self.sharing = SharingView()
        scroll = QScrollArea()  # at 1024×700 with a message shown it is taller than the room it has
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(self.sharing)
        self.tabs.addTab(scroll, icon("link"), self.tr("Sharing"))
        # At 1024 px the six tabs with their icons were wider than the bar, and "Sharing" hid behind scroll
        # arrows: while they do not fit, the tabs show their names without icons.
        self.tab_icons = [self.tabs.tabIcon(i) for i in range(self.tabs.count())]
        self.tabs.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.tabs and event.type() == QEvent.Type.Resize:
            self.fit_tabs()
        return False

    def fit_tabs(self) -> None:
        """Icons on the tabs when every tab fits with them, else names only."""
        bar = self.tabs.tabBar()
        for i, tab_icon in enumerate(self.tab_icons):
            bar.setTabIcon(i, tab_icon)
        if bar.sizeHint().width() > self.tabs.width():
            for i in range(bar.count()):
                bar.setTabIcon(i, QIcon())

    def _org_tab(self) -> None:
        page, layout = _tab()
        top = QHBoxLayout()
        top.setSpacing(SPACING)
        plan, pl = card()
        pl.addWidget(label(self.tr("Plan and usage"), "section"))
        self.plan_name = label("—", "title")
        pl.addWidget(self.plan_name)
        self.usage_bar = QProgressBar()
        self.usage_bar.setFixedHeight(10)
        self.usage_bar.setTextVisible(False)
        pl.addWidget(self.usage_bar)
        self.usage_text = label("", "subtitle", wrap=True)
        pl.addWidget(self.usage_text)
        self.credits_text = label("", "muted", wrap=True)
        pl.addWidget(self.credits_text)
        self.period_text = label("", "muted", wrap=True)
        pl.addWidget(self.period_text)
        pl.addStretch(1)
        top.addWidget(plan, 1)

        org, ol = card()
        ol.addWidget(label(self.tr("Organisation"), "section"))
        form = QFormLayout()
        form.setVerticalSpacing(10)
        self.org_name = QLineEdit()
        self.default_expiry = HoursBox()
        self.default_expiry.setSuffix(self.tr(" hours"))
        self.org_id = label("", "muted", selectable=True)
        form.addRow(self.tr("Name"), self.org_name)
        form.addRow(self.tr("Default link expiry"), self.default_expiry)
        form.addRow(self.tr("ID"), self.org_id)
        ol.addLayout(form)
        self.org_message = MessageLine()
        ol.addWidget(self.org_message)
        row = QHBoxLayout()
        row.addStretch(1)
        self.save_org_button = button(self.tr("Save"), primary=True)
        row.addWidget(self.save_org_button)
        ol.addLayout(row)
        ol.addStretch(1)
        top.addWidget(org, 1)
        layout.addLayout(top)
        self.plans_card, self.plans_layout = card()
        self.plans_layout.addWidget(label(self.tr("Plans"), "section"))
        self.plans_grid = QGridLayout()
        self.plans_layout.addLayout(self.plans_grid)
        layout.addWidget(self.plans_card)
        layout.addStretch(1)
        self.tabs.addTab(page, icon("chart"), self.tr("Plan and usage"))

    def _keys_tab(self) -> None:
        page, layout = _tab()
        row = QHBoxLayout()
        self.key_name = QLineEdit()
        self.key_name.setPlaceholderText(self.tr("Name of the new key, e.g. Booking system"))
        self.key_name.setMaxLength(100)
        # Room for its example (it read "Name of the new key, e.g. Booki…" at 1024 px, half the row empty).
        example = self.key_name.fontMetrics().horizontalAdvance(self.key_name.placeholderText())
        self.key_name.setMinimumWidth(example + 28)
        self.create_key_button = button(self.tr("Create key"), "plus", primary=True)
        self.revoke_key_button = button(self.tr("Revoke"), "trash", danger=True)
        self.revoke_key_button.setEnabled(False)
        row.addWidget(self.key_name, 1)
        row.addWidget(self.create_key_button)
        row.addStretch(1)
        row.addWidget(self.revoke_key_button)
        layout.addLayout(row)
        self.key_secret = SecretReveal(
            self.tr("Copy the API key now: it is shown only this once. Rundun keeps only its SHA-256.")
        )
        layout.addWidget(self.key_secret)
        self.keys_message = MessageLine()
        layout.addWidget(self.keys_message)
        self.keys_table = _table()
        layout.addWidget(self.keys_table, 1)
        self.tabs.addTab(page, icon("key"), self.tr("API keys"))

    def _members_tab(self) -> None:
        page, layout = _tab()
        row = QHBoxLayout()
        self.member_name = QLineEdit()
        self.member_name.setPlaceholderText(self.tr("Name"))
        self.member_email = QLineEdit()
        self.member_email.setPlaceholderText(self.tr("Email"))
        self.add_member_button = button(self.tr("Add member"), "plus", primary=True)
        self.remove_member_button = button(self.tr("Remove"), "trash", danger=True)
        self.remove_member_button.setEnabled(False)
        # The fields take the row's room (a stretch beside them left each 160 px at 1024, an email cut short).
        row.addWidget(self.member_name, 2)
        row.addWidget(self.member_email, 3)
        row.addWidget(self.add_member_button)
        row.addSpacing(12)
        row.addWidget(self.remove_member_button)
        layout.addLayout(row)
        self.member_secret = SecretReveal(
            self.tr("Copy the sign-in token now: it is shown only this once. Rundun keeps only its SHA-256.")
        )
        layout.addWidget(self.member_secret)
        self.members_message = MessageLine()
        layout.addWidget(self.members_message)
        # An empty list said nothing of what members are for: runs of a template that asks who fills it in.
        self.members_empty = label(
            self.tr(
                "No members yet. A member fills in runs of templates that ask who does them, signing in with a "
                "token shown once, here, when they are added."
            ),
            "muted",
            wrap=True,
        )
        self.members_empty.hide()
        layout.addWidget(self.members_empty)
        self.members_table = _table()
        layout.addWidget(self.members_table, 1)
        self.tabs.addTab(page, icon("users"), self.tr("Members"))

    def _language_tab(self) -> None:
        page, layout = _tab()
        box, bl = card(spacing=10)
        bl.addWidget(label(self.tr("Language of the app"), "section"))
        self.language = QComboBox()
        self.language.setObjectName("appLanguage")
        bl.addWidget(self.language)
        bl.addWidget(
            label(
                self.tr(
                    "The words of the app, and how it writes dates and numbers. A template's own texts are in "
                    "the languages its designer wrote (the editor's Translations tab)."
                ),
                "muted",
                wrap=True,
            )
        )
        self.language_message = MessageLine()
        bl.addWidget(self.language_message)
        layout.addWidget(box)
        layout.addStretch(1)
        self.tabs.addTab(page, icon("settings"), self.tr("Language"))

    def _connection_tab(self) -> None:
        page, layout = _tab()
        box, bl = card(spacing=10)
        bl.addWidget(label(self.tr("Server"), "section"))
        self.state_text = label("", "subtitle", wrap=True)
        bl.addWidget(self.state_text)
        self.mode_group = QButtonGroup(self)
        self.embedded_radio = QRadioButton(self.tr("Embedded server on this computer (the default)"))
        self.remote_radio = QRadioButton(self.tr("A remote Rundun server"))
        self.mode_group.addButton(self.embedded_radio)
        self.mode_group.addButton(self.remote_radio)
        bl.addWidget(self.embedded_radio)
        self.embedded_info = label("", "muted", wrap=True, selectable=True)
        bl.addWidget(self.embedded_info)
        bl.addWidget(self.remote_radio)
        form = QFormLayout()
        self.remote_url = QLineEdit()
        self.remote_url.setPlaceholderText(self.tr("https://api.rundun.example"))
        self.remote_key = QLineEdit()
        self.remote_key.setPlaceholderText(self.tr("rdk_live_…"))
        self.remote_key.setEchoMode(QLineEdit.EchoMode.Password)
        form.addRow(self.tr("URL"), self.remote_url)
        form.addRow(self.tr("API key"), self.remote_key)
        bl.addLayout(form)
        self.connection_message = MessageLine()
        bl.addWidget(self.connection_message)
        row = QHBoxLayout()
        self.keys_where = label("", "muted", wrap=True)
        row.addWidget(self.keys_where, 1)
        self.connect_button = button(self.tr("Connect"), "server", primary=True)
        row.addWidget(self.connect_button)
        bl.addLayout(row)
        layout.addWidget(box)
        layout.addStretch(1)
        self.tabs.addTab(page, icon("server"), self.tr("Connection"))
