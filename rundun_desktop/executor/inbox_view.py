"""The executor inbox's layout: paste a link to open a run (with the identity fields a run may ask for),
the runs on this computer, and what to do with the selected one. Layout only."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLineEdit,
    QMessageBox,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.executor.inbox_model import COL_HERE, COL_OPENED, COL_PROGRESS, COL_RUN, COL_SERVER
from rundun_desktop.executor.runner_view import ask_export_folder
from rundun_desktop.widgets.common import MARGIN, SPACING, MessageLine, button, card, label, page_header
from rundun_desktop.widgets.own_direction import isolated
from rundun_desktop.words import Counts


class InboxView(QWidget):
    export_requested = Signal(Path)  # the folder the person chose to export the selected run to

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("Page")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(MARGIN, MARGIN, MARGIN, 12)
        outer.setSpacing(SPACING + 2)
        header, actions = page_header(
            self.tr("Executor"),
            self.tr(
                "Runs opened on this computer. Fill them with or without a network; every change is kept here and sent when the server answers."
            ),
        )
        self.register_button = button(self.tr("Open rundun:// links with Rundun"), "link")
        self.register_button.setToolTip(self.tr("Register this app for rundun:// run links (this user only)"))
        actions.addWidget(self.register_button)
        outer.addWidget(header)

        frame, box = card(margins=14)
        box.addWidget(label(self.tr("Open a run"), "section"))
        row = QHBoxLayout()
        self.link = QLineEdit()
        # The examples isolated in their own direction: inside Arabic words, "r/r-…" read "…-rundun://r/r".
        self.link.setPlaceholderText(
            self.tr("Paste the run link: {0}  or  {1}").format(
                isolated("https://…/r/r-…"), isolated("rundun://r/r-…")
            )
        )
        self.link.setClearButtonEnabled(True)
        self.open_button = button(self.tr("Open run"), "inbox", primary=True)
        row.addWidget(self.link, 1)
        row.addWidget(self.open_button)
        box.addLayout(row)
        self.identity = QFrame()
        identity_row = QHBoxLayout(self.identity)
        identity_row.setContentsMargins(0, 0, 0, 0)
        self.name = QLineEdit()
        self.name.setPlaceholderText(self.tr("Your name"))
        self.email = QLineEdit()
        self.email.setPlaceholderText(self.tr("Your email"))
        self.member_token = QLineEdit()
        self.member_token.setPlaceholderText(self.tr("Your member sign-in token (rdm_…)"))
        self.member_token.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.name, self.email, self.member_token):
            identity_row.addWidget(field, 1)
            field.returnPressed.connect(self.open_button.click)
        self.identity.hide()
        box.addWidget(self.identity)
        self.link.returnPressed.connect(self.open_button.click)
        self.message = MessageLine()
        box.addWidget(self.message)
        outer.addWidget(frame)

        self.table = QTableView()
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(38)
        self.table.setShowGrid(False)
        # A run's details wrap between their parts where its column is too narrow for them on one line
        # (German at 1024 px cut "läuft ab 20. Dez. …"), its row as tall as they need; the other columns are
        # as wide as their words, so only the run's wraps.
        self.table.setWordWrap(True)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.verticalHeader().setMinimumSectionSize(38)
        self.table.setTabKeyNavigation(False)
        self.table.horizontalHeader().setHighlightSections(False)
        self.table.horizontalHeader().setDefaultAlignment(
            Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter
        )
        outer.addWidget(self.table, 1)
        self.empty = label(
            self.tr("No runs on this computer yet. Paste the link you were sent above."), "muted"
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        outer.addWidget(self.empty, 1)  # takes the table's room while there are no runs

        foot = QHBoxLayout()
        self.continue_button = button(self.tr("Continue run"), primary=True)
        self.continue_button.setToolTip(self.tr("Enter on the selected run"))
        self.export_button = button(self.tr("Export…"))
        self.export_button.setToolTip(self.tr("Save the run's answers as JSON with its photo files"))
        self.remove_button = button(self.tr("Remove from this computer"), "trash", danger=True)
        self.export_button.clicked.connect(self._ask_export_folder)
        foot.addWidget(self.continue_button)
        foot.addWidget(self.export_button)
        foot.addStretch(1)
        foot.addWidget(self.remove_button)
        outer.addLayout(foot)
        # Registering writes into the user's desktop settings: its button comes last in the Tab order, never
        # first, so that it does not hold the page's first focus (Enter on a focused button clicks it, and
        # Enter pressed after clicking beside the link field registered rundun:// system-wide).
        QWidget.setTabOrder(self.remove_button, self.register_button)
        self.setFocusProxy(self.link)

    def focus_first(self) -> None:
        """The runs when there are some, else the link field (where a person starts)."""
        model = self.table.model()
        (self.table if model is not None and model.rowCount() else self.link).setFocus()

    def confirm_register(self) -> bool:
        answer = QMessageBox.question(
            self,
            self.tr("Open rundun:// links with Rundun"),
            self.tr(
                "Make this app open rundun:// run links for your user on this computer? This changes your desktop's settings for such links."
            ),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def confirm_remove(self, name: str, unsent: int) -> bool:
        """Removing a run that holds changes the server never took deletes their only copy: asked first."""
        answer = QMessageBox.warning(
            self,
            self.tr("Remove from this computer"),
            Counts.tr(
                "'{0}' holds %Ln change(s) the server never took, kept only on this computer. "
                "Export the run first to keep them. Remove it anyway?",
                "",
                unsent,
            ).format(name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel,
            QMessageBox.StandardButton.Cancel,
        )
        return answer == QMessageBox.StandardButton.Yes

    def size_columns(self) -> None:
        """Every column but the run's as wide as its words and its header's, in any language; the run's name
        takes the rest (the whole run is in its tooltip: id, who opened it, expiry, server). With fixed widths
        "On this computer" was cut to "On this comput", and at 1024 px the state here to "Refused by the server ·
        2 changes no…" (German's more), its parts now on lines of their own."""
        header = self.table.horizontalHeader()
        for col in (COL_PROGRESS, COL_HERE, COL_SERVER, COL_OPENED):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(COL_RUN, QHeaderView.ResizeMode.Stretch)

    def ask_identity(self, mode: str) -> None:
        external = mode == "external"
        self.name.setVisible(external)
        self.email.setVisible(external)
        self.member_token.setVisible(not external)
        self.identity.show()
        (self.name if external else self.member_token).setFocus()

    def reset_identity(self) -> None:
        for field in (self.name, self.email, self.member_token):
            field.clear()
        self.identity.hide()

    def _ask_export_folder(self) -> None:
        folder = ask_export_folder(self)
        if folder is not None:
            self.export_requested.emit(folder)
