"""The questions the editor asks the designer, as awaitable dialogs.

Dialogs are opened window-modal with `open()` and awaited through a future instead of `exec()`, so
no nested event loop runs inside a qasync task (`rundun_desktop.widgets.dialogs`). Tests replace a `Prompter`'s methods with canned
answers.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QAbstractButton, QFileDialog, QMessageBox, QWidget

from rundun_desktop import formatting as fmt
from rundun_desktop import last_folders
from rundun_desktop.widgets.dialogs import chosen_file, run_dialog, tell


class Prompter:
    def __init__(self, parent: QWidget) -> None:
        self.parent = parent

    async def _choose(
        self,
        title: str,
        text: str,
        buttons: list[tuple[str, str, QMessageBox.ButtonRole]],
        details: str = "",
        icon: QMessageBox.Icon = QMessageBox.Icon.Question,
    ) -> str:
        box = QMessageBox(icon, title, text, QMessageBox.StandardButton.NoButton, self.parent)
        made: dict[QAbstractButton, str] = {box.addButton(label, role): key for key, label, role in buttons}
        if details:
            box.setInformativeText(details)
        await run_dialog(box)
        return made.get(box.clickedButton(), buttons[-1][0])

    async def unsaved(self, name: str) -> str:
        """'save', 'discard' or 'cancel' for a template with unsaved changes."""
        return await self._choose(
            QCoreApplication.translate("Prompter", "Unsaved changes"),
            QCoreApplication.translate("Prompter", "“{0}” has changes that are not saved.").format(name),
            [
                ("save", QCoreApplication.translate("Prompter", "Save"), QMessageBox.ButtonRole.AcceptRole),
                (
                    "discard",
                    QCoreApplication.translate("Prompter", "Discard changes"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                (
                    "cancel",
                    QCoreApplication.translate("Prompter", "Keep editing"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            icon=QMessageBox.Icon.Warning,
        )

    async def confirm_delete(self, name: str) -> bool:
        answer = await self._choose(
            QCoreApplication.translate("Prompter", "Delete template"),
            QCoreApplication.translate("Prompter", "Delete “{0}”?").format(name),
            [
                (
                    "delete",
                    QCoreApplication.translate("Prompter", "Delete"),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                (
                    "cancel",
                    QCoreApplication.translate("Prompter", "Cancel"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            QCoreApplication.translate(
                "Prompter", "Runs already dispatched keep their copy of the template."
            ),
            QMessageBox.Icon.Warning,
        )
        return answer == "delete"

    async def conflict(self, mine: int, theirs: int, their_changes: list[str]) -> str:
        """'overwrite', 'reload' or 'cancel' when the server moved on since the editor loaded."""
        shown = "\n".join(f"• {line}" for line in their_changes[:12]) or QCoreApplication.translate(
            "Prompter", "• (no visible change)"
        )
        if len(their_changes) > 12:
            shown += QCoreApplication.translate("Prompter", "\n• … and {0} more").format(
                fmt.number(len(their_changes) - 12)
            )
        return await self._choose(
            QCoreApplication.translate("Prompter", "The template changed on the server"),
            QCoreApplication.translate(
                "Prompter", "You are editing version {0}, but the server now has version {1}."
            ).format(fmt.version_number(mine), fmt.version_number(theirs)),
            [
                (
                    "overwrite",
                    QCoreApplication.translate("Prompter", "Save mine as version {0}").format(
                        fmt.version_number(theirs + 1)
                    ),
                    QMessageBox.ButtonRole.DestructiveRole,
                ),
                (
                    "reload",
                    QCoreApplication.translate("Prompter", "Discard mine and load version {0}").format(
                        fmt.version_number(theirs)
                    ),
                    QMessageBox.ButtonRole.ResetRole,
                ),
                (
                    "cancel",
                    QCoreApplication.translate("Prompter", "Keep editing"),
                    QMessageBox.ButtonRole.RejectRole,
                ),
            ],
            QCoreApplication.translate("Prompter", "Changes made there since version {0}:\n{1}").format(
                fmt.version_number(mine), shown
            ),
            QMessageBox.Icon.Warning,
        )

    async def open_file(self) -> str | None:
        dialog = QFileDialog(
            self.parent,
            QCoreApplication.translate("Prompter", "Import a template"),
            last_folders.start_in(last_folders.TEMPLATES),
            QCoreApplication.translate("Prompter", "Template JSON (*.json);;All files (*)"),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return last_folders.kept(last_folders.TEMPLATES, chosen_file(dialog, await run_dialog(dialog)))

    async def save_file(self, suggested: str) -> str | None:
        dialog = QFileDialog(
            self.parent,
            QCoreApplication.translate("Prompter", "Export the template"),
            last_folders.start_in(last_folders.TEMPLATES, suggested),
            QCoreApplication.translate("Prompter", "Template JSON (*.json)"),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("json")
        return last_folders.kept(last_folders.TEMPLATES, chosen_file(dialog, await run_dialog(dialog)))

    def error(self, title: str, text: str, details: Any = "") -> None:
        """Tell, without waiting for the answer."""
        self._tell(QMessageBox.Icon.Warning, title, text, details)

    def done(self, title: str, text: str, details: Any = "") -> None:
        """Confirm that something worked (an export written), without waiting for the answer."""
        self._tell(QMessageBox.Icon.Information, title, text, details)

    def _tell(self, kind: QMessageBox.Icon, title: str, text: str, details: Any) -> None:
        tell(self.parent, kind, title, text, str(details) if details else "")
