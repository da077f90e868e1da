"""Help → About: what a user reads out when asking for help — the version, where the data and the logs are,
and where the embedded server listens — with a button that opens the log folder."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.paths import private_dir


@dataclass(frozen=True)
class AboutFacts:
    version: str
    data_dir: Path
    server: str  # "Embedded server on http://127.0.0.1:…" / "Remote server …" / "Not started yet"
    log_dir: Path


def _selectable(text: str) -> QLabel:
    label = QLabel(text)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.setWordWrap(True)
    return label


class AboutDialog(QDialog):
    def __init__(self, facts: AboutFacts, parent: QWidget | None = None):
        super().__init__(parent)
        self.facts = facts
        self.setWindowTitle(self.tr("About Rundun"))
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<b>Rundun</b> {0}").format(facts.version))
        title.setObjectName("aboutTitle")
        layout.addWidget(title)
        form = QFormLayout()
        self.version_label = _selectable(facts.version)
        self.data_label = _selectable(str(facts.data_dir))
        self.server_label = _selectable(facts.server)
        self.log_label = _selectable(str(facts.log_dir))
        form.addRow(self.tr("Version"), self.version_label)
        form.addRow(self.tr("Data"), self.data_label)
        form.addRow(self.tr("Server"), self.server_label)
        form.addRow(self.tr("Logs"), self.log_label)
        layout.addLayout(form)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.open_logs_button = QPushButton(self.tr("Open log folder"))
        buttons.addButton(self.open_logs_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        self.open_logs_button.clicked.connect(self.open_log_folder)
        layout.addWidget(buttons)
        # Enter closes it: the focus went to "Open log folder", the first button, and Enter opened the folder.
        close = buttons.button(QDialogButtonBox.StandardButton.Close)
        close.setDefault(True)
        close.setFocus()

    def open_log_folder(self) -> bool:
        """The system's file manager on the log folder (made first, so there is one to open)."""
        private_dir(self.facts.log_dir)
        return QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.facts.log_dir)))
