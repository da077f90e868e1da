"""What the backup feature adds to the main window, laid out: File → Back up / Restore workspace…, a
"last backup" note and the full-disk banner in the status bar, and the dialogs it asks through."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QProgressDialog

from rundun_desktop import last_folders
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.common import label
from rundun_desktop.widgets.dialogs import ask_file, ask_secret, tell
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

    def set_busy(self) -> None:
        """While a backup or restore is written, its actions wait (its progress dialog is not modal); the
        next `set_available` gives them back."""
        for action in (self.back_up, self.restore):
            action.setEnabled(False)

    def show_disk_full(self, text: str | None) -> None:
        self.disk_banner.setText(text or "")
        self.disk_banner.setToolTip(text or "")
        self.disk_banner.setVisible(text is not None)

    # -- dialogs: awaited, never a nested event loop inside the task that asks (widgets/dialogs.py) ----------
    async def ask_save_path(self, suggested: str) -> str | None:
        return await ask_file(
            self.window,
            QCoreApplication.translate("BackupUi", "Back up workspace"),
            QCoreApplication.translate("backup_view", BACKUP_FILTER),
            last_folders.BACKUPS,
            save_as=suggested,
        )

    async def ask_open_path(self) -> str | None:
        return await ask_file(
            self.window,
            QCoreApplication.translate("BackupUi", "Restore workspace"),
            QCoreApplication.translate("backup_view", BACKUP_FILTER),
            last_folders.BACKUPS,
        )

    async def ask_passphrase(self, prompt: str) -> str | None:
        """The passphrase typed (may be empty), or None when cancelled."""
        return await ask_secret(self.window, QCoreApplication.translate("BackupUi", "Passphrase"), prompt)

    def start_progress(self, title: str) -> None:
        """Not modal: a modal progress dialog runs the event loop inside `setValue`, in the task that asks
        (see widgets/dialogs.py). The File menu's actions wait meanwhile instead (`set_busy`)."""
        self.progress = QProgressDialog(title, "", 0, 100, self.window)
        self.progress.setCancelButton(None)
        self.progress.setWindowModality(Qt.WindowModality.NonModal)
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
        tell(self.window, QMessageBox.Icon.Information, title, text)

    def warn(self, title: str, text: str) -> None:
        tell(self.window, QMessageBox.Icon.Warning, title, text)
