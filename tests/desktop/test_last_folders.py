"""Each kind of file dialog opens in the folder last used for that kind, kept in the desktop's settings: every
dialog (runs as CSV, reports, backups) opened in the home folder, whatever folder the last one went to."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QLineEdit

from rundun_desktop.desktop_settings import DesktopSettings
from tests.desktop.conftest import run, shown_dialog, wait_until
from tests.desktop.test_embedded_address import start, stop
from tests.support.samples import vehicle_inspection


def test_each_kind_of_file_opens_where_it_was_last_saved(aloop, qtbot, monkeypatch, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        template = run(aloop, app.api.create_template(vehicle_inspection()))
        run(aloop, app.api.dispatch_run({"template_id": template["id"], "executor_ref": "VAN-1"}))
        exports, reports = tmp_path / "exports", tmp_path / "reports"
        exports.mkdir()
        reports.mkdir()
        asked: list[str] = []  # where each dialog started
        answers = [str(exports / "march.csv"), str(exports / "april.csv")]

        def save_as(parent, title, start, file_filter):
            asked.append(start)
            return answers.pop(0), ""

        monkeypatch.setattr(QFileDialog, "getSaveFileName", save_as)
        runs = app.window.runs
        for done in ("Exported 1 run", "Exported 1 run"):
            runs.view.message.clear_message()
            qtbot.mouseClick(runs.view.export_button, Qt.MouseButton.LeftButton)
            wait_until(aloop, lambda done=done: done in runs.view.message.text(), 10)
        assert asked == [str(Path.home() / "runs.csv"), str(exports / "runs.csv")]
        # Another kind keeps its own: a run's report still starts in the home folder
        answers.append(str(reports / "van.pdf"))
        runs.reload()
        wait_until(aloop, lambda: runs.model.rowCount() == 1, 10)
        runs.view.table.selectRow(0)
        wait_until(aloop, lambda: runs.detail.run is not None, 10)
        runs.detail._pdf_clicked()
        assert Path(asked[-1]).parent == Path.home()
        kept = DesktopSettings.load(app.paths.settings_file).last_folders  # for the next start too
        assert kept == {"csv": str(exports), "reports": str(reports)}
        # A backup (the File menu's awaited dialog) opens in the folder of the last backup
        backups = app.window.backups.ui
        for name in ("one.rdbk", "two.rdbk"):
            asking = aloop.create_task(backups.ask_save_path("rundun-2026-12-07.rdbk"))
            wait_until(aloop, lambda: shown_dialog(QFileDialog), 10)
            dialog = shown_dialog(QFileDialog)
            started = Path(dialog.directory().absolutePath())
            dialog.findChild(QLineEdit, "fileNameEdit").setText(str(exports / name))
            dialog.accept()
            wait_until(aloop, asking.done, 10)
        assert started == exports
    finally:
        stop(aloop, app)
