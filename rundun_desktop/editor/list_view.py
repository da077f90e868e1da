"""Layout of the template list: search, tag filter, the table, and the template actions."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.style import set_role
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.fit import fold_labels
from rundun_desktop.widgets.own_direction import OwnDirectionDelegate

from .icons import icon
from .list_model import COL_NAME, COL_TAGS, COL_UPDATED, COL_VERSION
from .style import EDITOR_STYLE


class TemplateListView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateList")
        set_sheet(self, EDITOR_STYLE)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)

        bar = QFrame()
        bar.setObjectName("listToolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(14, 10, 14, 10)
        row.setSpacing(6)
        title = QLabel(self.tr("Templates"))
        title.setObjectName("editorTitle")
        row.addWidget(title)  # no spacer after it: at 1024 px German's row needs every pixel
        self.search = QLineEdit()
        self.search.setObjectName("templateSearch")
        self.search.setPlaceholderText(self.tr("Search templates"))
        self.search.setToolTip(self.tr("Finds templates by their name and description"))
        self.search.setClearButtonEnabled(True)
        # Its words whole and the row of folded buttons beside it at 1024 px, in German and Spanish too: wider
        # minimums made the row wider than the window, and the tag filter was laid over the search box.
        placeholder = self.search.fontMetrics().horizontalAdvance(self.search.placeholderText())
        self.search.setMinimumWidth(placeholder + 28)  # its frame and padding; the clear button needs text
        self.tag = QComboBox()
        self.tag.setObjectName("tagFilter")
        self.tag.addItem(self.tr("All tags"), "")  # never None as item data: see qvariant.py
        self.tag.setMinimumWidth(100)  # its longest tag when there is room, elided when there is not
        row.addWidget(self.search, 1)
        row.addWidget(self.tag)
        row.addSpacing(6)
        self.buttons: dict[str, QPushButton] = {}
        for name, text, icon_name in (
            ("library", self.tr("From library…"), "templates"),
            ("generate", self.tr("Generate…"), "generate"),
            ("import", self.tr("Import"), "import"),
            # The selected template's run, sent from here (it was only in the row's right-click menu).
            ("dispatch", self.tr("Dispatch run…"), "send"),
            ("export", self.tr("Export"), "export"),
            ("duplicate", self.tr("Duplicate"), "duplicate"),
            ("delete", self.tr("Delete"), "delete"),
        ):
            button = QPushButton(icon(icon_name), text)
            button.setObjectName(f"{name}Template")
            self.buttons[name] = button
            row.addWidget(button)
        self.new_button = QPushButton(icon("new"), self.tr("New template"))
        self.new_button.setObjectName("saveButton")  # the primary button's look
        self.buttons["new"] = self.new_button
        row.addWidget(self.new_button)
        # Too narrow for the words: icons, words in tooltips, one button at a time from the least needed words
        # (a selected template's actions, whose icons are the editor's own) to New template's, so a 1360 px
        # window keeps the words of the buttons that start a template.
        order = ("delete", "duplicate", "export", "import", "generate", "library", "dispatch", "new")
        self.toolbar_fit = fold_labels(bar, [self.buttons[name] for name in order])
        outer.addWidget(bar)

        # Changes kept from a session that ended before they were saved (see drafts.py): offered back here.
        self.draft_bar = QFrame()
        self.draft_bar.setObjectName("draftBar")
        draft_row = QHBoxLayout(self.draft_bar)
        draft_row.setContentsMargins(14, 0, 14, 8)
        self.draft_text = QLabel()
        self.draft_text.setWordWrap(True)
        set_role(self.draft_text, role="warning")
        self.recover_button = QPushButton(self.tr("Recover"))
        self.recover_button.setObjectName("saveButton")  # the primary button's look
        self.discard_draft_button = QPushButton(self.tr("Discard"))
        draft_row.addWidget(self.draft_text, 1)
        draft_row.addWidget(self.recover_button)
        draft_row.addWidget(self.discard_draft_button)
        self.draft_bar.hide()
        outer.addWidget(self.draft_bar)

        self.table = QTableView()
        self.table.setObjectName("templateTable")
        self.table.setItemDelegate(OwnDirectionDelegate(self.table))  # English names and tags in Arabic
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setTabKeyNavigation(False)  # Tab leaves the list: the arrows move in it
        self.table.setAlternatingRowColors(True)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.verticalHeader().setDefaultSectionSize(32)
        self.table.setWordWrap(False)
        # A row's actions, Dispatch run… among them (the toolbar's button for it folds to its icon at 1024 px).
        self.table.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)

        # No template yet: the ways to a first one, in words (at 1024 px the toolbar shows them as icons).
        self.empty = QWidget()
        self.empty.setObjectName("emptyTemplates")
        column = QVBoxLayout(self.empty)
        column.addStretch(1)
        self.empty_text = QLabel(
            self.tr(
                "No templates yet.\nStart from one of the library's ready-made checklists, describe one to "
                "generate it, build one step by step, or import a .json file."
            )
        )
        self.empty_text.setObjectName("muted")
        self.empty_text.setWordWrap(True)
        self.empty_text.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty_text.setMaximumWidth(620)  # lines a reader's eye can follow, centred
        # Centred by stretches, not by an alignment flag: with one, the layout sized the label's height for the
        # column's width and then drew it at its narrow size hint, cutting its words off above and below.
        centred = QHBoxLayout()
        centred.addStretch(1)
        centred.addWidget(self.empty_text, 100)
        centred.addStretch(1)
        column.addLayout(centred)
        column.addSpacing(8)
        starts = QHBoxLayout()
        starts.addStretch(1)
        self.empty_buttons: dict[str, QPushButton] = {}
        for name, text in (
            ("library", self.tr("Start from the library…")),
            ("generate", self.tr("Generate from a description…")),
            ("new", self.tr("New template")),
        ):
            start = QPushButton(text)  # words only: the toolbar's icons are for the folded toolbar
            start.setObjectName("saveButton" if name == "library" else f"{name}Start")  # the library first
            start.clicked.connect(self.buttons[name].click)  # the toolbar's own action, whatever it does
            self.empty_buttons[name] = start
            starts.addWidget(start)
        starts.addStretch(1)
        column.addLayout(starts)
        column.addStretch(1)
        # A search or tag that finds nothing says so (the blank table read as a list still loading).
        self.no_match = QLabel(self.tr("No template matches the search or the tag chosen."))
        self.no_match.setObjectName("muted")
        self.no_match.setWordWrap(True)
        self.no_match.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.body = QStackedWidget()
        self.body.addWidget(self.table)
        self.body.addWidget(self.empty)
        self.body.addWidget(self.no_match)
        outer.addWidget(self.body, 1)

        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setContentsMargins(14, 4, 14, 6)
        outer.addWidget(self.status)

    def fit_columns(self) -> None:
        # The name and the tags share what the version and the date leave, the tags elided: sized to their
        # contents, a library template's dozen tags pushed both out of a 1024 px window, behind a scroll bar.
        header = self.table.horizontalHeader()
        for col in (COL_NAME, COL_TAGS):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.Stretch)
        for col in (COL_VERSION, COL_UPDATED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
