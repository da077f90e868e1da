"""What the backup feature adds to the main window, laid out: File → Back up / Restore workspace…, a
"last backup" note and the full-disk banner in the status bar, and the dialogs it asks through."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QFileDialog,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMessageBox,
    QProgressDialog,
)

from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.common import ask_save_path, label
from rundun_desktop.words import QT_TRANSLATE_NOOP

BANNER_STYLE = (
    "QLabel { background: #fff4e6; color: #a61e4d; border: 1px solid #ffa8a8; border-radius: 4px;"
    " padding: 1px 8px; font-weight: 600; }"
)
BACKUP_FILTER = QT_TRANSLATE_NOOP("backup_view", "Rundun backups (*.rdbk);;All files (*)")


class BackupUi:
    """Widgets and dialogs only; `WorkspaceBackups` decides when and what."""

    def __init__(self, window: QMainWindow):
        self.window = window
        self.menu = menu = window.menuBar().addMenu(QCoreApplication.translate("BackupUi", "&File"))
        self.back_up = QAction(QCoreApplication.translate("BackupUi", "Back up workspace…"), window)
        self.restore = QAction(QCoreApplication.translate("BackupUi", "Restore workspace…"), window)
        menu.addAction(self.back_up)
        menu.addAction(self.restore)
        bar = window.statusBar()
        self.disk_banner = QLabel()
        set_sheet(self.disk_banner, BANNER_STYLE)
        self.disk_banner.setObjectName("DiskFullBanner")
        self.disk_banner.hide()
        bar.addPermanentWidget(self.disk_banner)
        self.last_backup = label("", "muted")
        bar.addPermanentWidget(self.last_backup)
        self.progress: QProgressDialog | None = None

    def set_available(self, available: bool, why_not: str) -> None:
        for action in (self.back_up, self.restore):
            action.setEnabled(available)
            action.setToolTip("" if available else why_not)
        self.last_backup.setVisible(available)

    def show_disk_full(self, text: str | None) -> None:
        self.disk_banner.setText(text or "")
        self.disk_banner.setToolTip(text or "")
        self.disk_banner.setVisible(text is not None)

    # -- dialogs -----------------------------------------------------------------------------------------
    def ask_save_path(self, suggested: str) -> str | None:
        path = ask_save_path(
            self.window,
            QCoreApplication.translate("BackupUi", "Back up workspace"),
            suggested,
            QCoreApplication.translate("backup_view", BACKUP_FILTER),
        )
        return path or None

    def ask_open_path(self) -> str | None:
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            QCoreApplication.translate("BackupUi", "Restore workspace"),
            "",
            QCoreApplication.translate("backup_view", BACKUP_FILTER),
        )
        return path or None

    def ask_passphrase(self, prompt: str) -> str | None:
        """The passphrase typed (may be empty), or None when cancelled."""
        text, ok = QInputDialog.getText(
            self.window,
            QCoreApplication.translate("BackupUi", "Passphrase"),
            prompt,
            QLineEdit.EchoMode.Password,
        )
        return text if ok else None

    def start_progress(self, title: str) -> None:
        self.progress = QProgressDialog(title, "", 0, 100, self.window)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.WindowModal)
        self.progress.setMinimumDuration(300)
        self.progress.setValue(0)

    def set_progress(self, percent: int) -> None:
        if self.progress is not None:
            self.progress.setValue(percent)

    def end_progress(self) -> None:
        if self.progress is not None:
            self.progress.close()
            self.progress.deleteLater()
            self.progress = None

    def tell(self, title: str, text: str) -> None:
        QMessageBox.information(self.window, title, text)

    def warn(self, title: str, text: str) -> None:
        QMessageBox.warning(self.window, title, text)
