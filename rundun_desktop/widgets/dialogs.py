"""Dialogs awaited without a nested event loop.

A dialog's `exec()` (and the static `QFileDialog.get…`, `QInputDialog.get…`, `QMessageBox.information`) runs
a nested event loop. Called inside a qasync task, that loop runs the other tasks' wake-ups while the task is
still executing: asyncio refuses each ("Cannot enter into task … while another task is being executed") and
drops it, so those tasks never run again. After File → Back up workspace the sync engine, the live updates
and the connection watcher were dead, and a cancelled request's task spun a core for as long as the app ran.
So a dialog asked from a coroutine is opened window-modal with `open()` and its end awaited through a future.
"""

from __future__ import annotations

import asyncio
from pathlib import Path

from PySide6.QtWidgets import QDialog, QFileDialog, QInputDialog, QLineEdit, QMessageBox, QWidget

from rundun_desktop import last_folders


async def run_dialog(dialog: QDialog) -> int:
    """Open a dialog and wait for it to finish, without a nested event loop."""
    future: asyncio.Future[int] = asyncio.get_running_loop().create_future()

    def finished(result: int) -> None:
        if not future.done():
            future.set_result(result)

    dialog.finished.connect(finished)
    dialog.open()
    try:
        return await future
    finally:
        dialog.finished.disconnect(finished)


def chosen_file(dialog: QFileDialog, result: int) -> str | None:
    files = dialog.selectedFiles()
    return files[0] if result == QDialog.DialogCode.Accepted and files else None


async def ask_file(
    parent: QWidget, title: str, file_filter: str, kind: str, *, save_as: str | None = None
) -> str | None:
    """A file to open, or (`save_as`: the suggested name) to save to, from the folder last used for this `kind`
    of file; None when cancelled. A name typed without a suffix takes the suggested one's, as
    `widgets.common.ask_save_path` does."""
    dialog = QFileDialog(parent, title, last_folders.start_in(kind, save_as or ""), file_filter)
    if save_as is None:
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
    else:
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
    path = chosen_file(dialog, await run_dialog(dialog))
    suffix = Path(save_as).suffix if save_as else ""
    if path and suffix and not Path(path).suffix:
        path += suffix
    last_folders.remember(kind, path)
    return path


async def ask_secret(parent: QWidget, title: str, prompt: str) -> str | None:
    """Text typed unseen (may be empty), or None when cancelled."""
    dialog = QInputDialog(parent)
    dialog.setWindowTitle(title)
    dialog.setLabelText(prompt)
    dialog.setTextEchoMode(QLineEdit.EchoMode.Password)
    accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
    return dialog.textValue() if accepted else None


def tell(parent: QWidget, icon: QMessageBox.Icon, title: str, text: str, details: str = "") -> QMessageBox:
    """A message with OK, shown without waiting for it to be read."""
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    if details:
        box.setInformativeText(details)
    box.open()
    return box
