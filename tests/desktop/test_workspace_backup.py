"""File → Back up / Restore workspace, the automatic daily backup and the full-disk banner, driven on the real
app with its embedded server (dialogs answered by the test: they are modal and cannot be clicked here)."""

from __future__ import annotations

import asyncio
import os
import time

import httpx
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog, QInputDialog, QLineEdit, QMessageBox

from rundun_desktop.api_client import ApiError
from rundun_desktop.backup import controller as backup_controller
from rundun_desktop.backup import schedule
from rundun_desktop.desktop_app import DesktopApp
from rundun_desktop.embedded import EmbeddedServer, bootstrap
from rundun_desktop.paths import AppPaths
from tests.desktop.conftest import _CLOSED_LOOPS, run, shown_dialog, wait_until
from tests.support.samples import minimal
from tests.support.small_fs import fill, free_space, small_tmpfs


def start(aloop, home) -> DesktopApp:
    app = DesktopApp(AppPaths.under(home), use_keyring=False)
    run(aloop, app.start(), 30)
    return app


def stop(aloop, app: DesktopApp) -> None:
    run(aloop, app.close(), 30)
    app.window.view.close()
    _CLOSED_LOOPS.append(app)


class Answers:
    """Stands in for the user at the backup dialogs and records what the app told them."""

    def __init__(self, ui, monkeypatch, **replies):
        self.told: list[tuple[str, str]] = []
        self.passphrases = list(replies.pop("passphrases", []))
        self.replies = replies

        async def save_path(suggested):
            return replies.get("save")

        async def open_path():
            return replies.get("open")

        async def passphrase(prompt):
            return self.passphrases.pop(0)

        monkeypatch.setattr(ui, "ask_save_path", save_path)
        monkeypatch.setattr(ui, "ask_open_path", open_path)
        monkeypatch.setattr(ui, "ask_passphrase", passphrase)
        monkeypatch.setattr(ui, "tell", lambda title, text: self.told.append((title, text)))
        monkeypatch.setattr(ui, "warn", lambda title, text: self.told.append((title, text)))


def _template_names(aloop, app) -> set[str]:
    return {t["name"] for t in run(aloop, app.api.request("GET", "/v1/templates"))["data"]}


def test_back_up_then_restore_the_workspace_from_the_file_menu(aloop, tmp_path, monkeypatch):
    home = tmp_path / "home"
    archive = tmp_path / "mine.rdbk"
    app = start(aloop, home)
    try:
        run(aloop, app.api.request("POST", "/v1/templates", json=minimal("Kept")))
        ui = app.window.backups.ui
        answers = Answers(
            ui, monkeypatch, save=str(archive), open=str(archive), passphrases=["s3cret", "s3cret", "s3cret"]
        )
        assert ui.back_up.isEnabled() and ui.restore.isEnabled()
        backups = app.window.backups
        backups.auto_backup()  # the day's automatic backup (a minute after the start), made 5 h ago
        wait_until(aloop, lambda: schedule.list_backups(backups.auto_dir) and not backups.busy, 30)
        [daily] = schedule.list_backups(backups.auto_dir)
        os.utime(daily, (time.time() - 5 * 3600,) * 2)
        backups.refresh()
        assert ui.last_backup.text() == "last backup 5 h ago"
        ui.back_up.trigger()
        wait_until(aloop, lambda: answers.told, 30)
        assert answers.told[0][0] == "Backup written", answers.told
        assert ui.last_backup.text() == "last backup just now"  # the one just made counts
        assert not schedule.is_due(backups.auto_dir, time.time())  # the daily one by its own date
        os.utime(daily, (time.time() - 25 * 3600,) * 2)
        assert schedule.is_due(backups.auto_dir, time.time())
        assert archive.exists() and b"Kept" not in archive.read_bytes()  # encrypted
        run(aloop, app.api.request("POST", "/v1/templates", json=minimal("Made after the backup")))

        ui.restore.trigger()  # asks for the passphrase once it sees the archive is encrypted
        wait_until(aloop, lambda: len(answers.told) == 2, 30)
        assert answers.told[1][0] == "Backup restored", answers.told
        assert _template_names(aloop, app) == {"Kept", "Made after the backup"}  # nothing swapped live
    finally:
        stop(aloop, app)
    again = start(aloop, home)  # the next start uses the restored workspace
    try:
        assert _template_names(aloop, again) == {"Kept"}
        kept = [p for p in (home / "data").iterdir() if ".before-restore-" in p.name]
        assert len(kept) == 1  # the replaced workspace is kept beside it
    finally:
        stop(aloop, again)


def test_the_backup_dialogs_leave_the_apps_other_work_running(aloop, tmp_path):
    """File → Back up workspace asked its questions through modal dialogs run inside its task. Each one's
    nested event loop dropped the wake-ups of the app's other tasks (asyncio: "Cannot enter into task … while
    another task is being executed"): the sync engine, the live updates and the connection watcher stopped
    for good, and a cancelled request's task spun a core for as long as the app ran. The dialogs are real
    here (no stand-ins): a task woken while they are open runs, and the backup is written."""
    home, archive = tmp_path / "home", tmp_path / "friday.rdbk"
    app = start(aloop, home)
    try:
        woke: list[str] = []

        async def other_work(name: str) -> None:
            await asyncio.sleep(0.01)
            woke.append(name)

        app.window.backups.ui.back_up.trigger()
        wait_until(aloop, lambda: shown_dialog(QFileDialog), 30)
        aloop.create_task(other_work("while the file dialog is open"))
        wait_until(aloop, lambda: woke, 30)
        files = shown_dialog(QFileDialog)
        name_field = files.findChild(QLineEdit, "fileNameEdit")
        name_field.setText(str(archive.with_suffix("")))  # "friday" typed: the suffix comes by itself
        files.accept()
        wait_until(aloop, lambda: shown_dialog(QInputDialog), 30)
        aloop.create_task(other_work("while the passphrase is asked"))
        wait_until(aloop, lambda: len(woke) == 2, 30)
        shown_dialog(QInputDialog).accept()  # no passphrase
        wait_until(aloop, lambda: shown_dialog(QMessageBox), 60)
        told = shown_dialog(QMessageBox)
        assert "saved to" in told.text() and archive.exists(), told.text()
        told.accept()
        # The app's own tasks run on: a run dispatched now reaches the monitor through the live updates.
        runs = app.window.runs
        app.window.show_page("runs")
        wait_until(aloop, lambda: runs.model.answered, 30)
        template = run(aloop, app.api.request("POST", "/v1/templates", json=minimal("After the backup")))
        made = run(aloop, app.api.request("POST", "/v1/runs", json={"template_id": template["id"]}))
        wait_until(aloop, lambda: runs.model.row_of(made["run_id"]) is not None, 30)
    finally:
        stop(aloop, app)


def test_a_damaged_backup_is_refused_and_changes_nothing(aloop, tmp_path, monkeypatch):
    app = start(aloop, tmp_path / "home")
    try:
        damaged = tmp_path / "damaged.rdbk"
        damaged.write_bytes(b"RUNDUN-BACKUP\n" + b"\x00" * 64)
        answers = Answers(app.window.backups.ui, monkeypatch, open=str(damaged))
        app.window.backups.ui.restore.trigger()
        wait_until(aloop, lambda: answers.told, 30)
        assert answers.told[0][0] == "Restore refused" and "Nothing was changed" in answers.told[0][1]
        assert not app.window.backups.pending_dir.exists()
    finally:
        stop(aloop, app)


def test_a_new_backups_passphrase_is_typed_twice_and_a_failure_said_in_words(aloop, tmp_path, monkeypatch):
    """Typed once, unseen, a passphrase with a slip of the finger made a backup nobody could restore: it is asked
    again, and two that differ are asked anew. A folder that is a file is said without Python's "[Errno 17] …'"."""
    app = start(aloop, tmp_path / "home")
    try:
        ui = app.window.backups.ui
        archive = tmp_path / "friday.rdbk"
        answers = Answers(
            ui, monkeypatch, save=str(archive), passphrases=["s3cret", "s3cert", "s3cret", "s3cret"]
        )
        prompts: list[str] = []
        asked = ui.ask_passphrase

        async def asked_and_noted(prompt):
            prompts.append(prompt)
            return await asked(prompt)

        monkeypatch.setattr(ui, "ask_passphrase", asked_and_noted)
        ui.back_up.trigger()
        wait_until(aloop, lambda: answers.told, 30)
        assert answers.told[0][0] == "Backup written", answers.told
        assert len(prompts) == 4 and prompts[2].startswith("The two passphrases differ.")
        answers.passphrases = [
            "s3cert",
            "s3cret",
        ]  # restoring: the slip is refused, the passphrase typed twice opens it
        answers.replies["open"] = str(archive)
        ui.restore.trigger()
        wait_until(aloop, lambda: len(answers.told) == 2, 30)
        assert answers.told[1][0] == "Backup restored", answers.told
        assert prompts[4:] == [  # the app's words (it showed the command line's "--passphrase-file")
            "This backup is encrypted. Its passphrase:",
            "That passphrase does not open this backup. Try again:",
        ]

        (tmp_path / "notes.txt").write_text("a file, not a folder", encoding="utf-8")
        gone = tmp_path / "notes.txt" / "friday.rdbk"
        answers.replies["save"] = str(gone)
        answers.passphrases = [""]  # none
        ui.back_up.trigger()
        wait_until(aloop, lambda: len(answers.told) == 3, 30)
        title, words = answers.told[2]
        assert title == "Backup failed" and words.startswith(
            f"The backup was not written: File exists: {tmp_path / 'notes.txt'}"
        )
        assert "[Errno" not in words and "'" not in words, words
    finally:
        stop(aloop, app)


def test_the_daily_backup_runs_when_due_keeps_n_days_and_says_when(aloop, tmp_path):
    app = start(aloop, tmp_path / "home")
    try:
        backups = app.window.backups
        folder = backups.auto_dir
        folder.mkdir(parents=True)
        old = folder / schedule.backup_name(time.time() - 10 * 86400)
        old.write_bytes(b"an old backup")
        os.utime(old, (time.time() - 10 * 86400,) * 2)
        app.settings.backup_keep_days = 7
        backups.auto_backup()
        wait_until(aloop, lambda: len(schedule.list_backups(folder)) == 1 and not old.exists(), 30)
        assert backups.ui.last_backup.text() == "last backup just now"
        made = schedule.list_backups(folder)
        backups.auto_backup()  # not due again today
        wait_until(aloop, lambda: not backups.busy, 10)
        assert schedule.list_backups(folder) == made
    finally:
        stop(aloop, app)


def test_a_full_server_disk_shows_one_banner_that_clears_by_itself(aloop, tmp_path, monkeypatch):
    monkeypatch.setattr(backup_controller, "HEALTH_POLL_S", 0.2)
    with small_tmpfs(tmp_path / "fs", size_mb=24) as mount:
        boot = bootstrap(mount / "server")
        server = EmbeddedServer(mount / "server", storage_reserve_mb=1)
        server.start()
        app = DesktopApp(AppPaths.under(tmp_path / "home"), use_keyring=False)
        try:
            app.window.show()
            run(aloop, app.connection.use_remote(server.url, boot.api_key))
            banner = app.window.backups.ui.disk_banner
            assert not banner.isVisible()
            fill(mount)
            refused = None
            for attempt in range(200):  # free pages inside the database absorb a few writes first
                try:
                    run(aloop, app.api.request("POST", "/v1/templates", json=minimal(f"No room {attempt}")))
                except ApiError as exc:
                    refused = exc
                    break
            assert refused is not None and refused.status == 507 and refused.code == "storage_full"
            wait_until(aloop, banner.isVisible, 10)
            assert "disk full" in banner.text().lower()
            app.window.view.statusBar().grab().save(str(tmp_path / "banner.png"))
            free_space(mount)
            wait_until(aloop, lambda: not banner.isVisible(), 30)
            assert httpx.get(f"{server.url}/v1/health").json()["status"] == "ok"
        finally:
            stop(aloop, app)
            server.stop()


def test_the_days_automatic_backups_are_kept_are_set_in_settings(aloop, qtbot, tmp_path):
    """Settings → Sharing → Automatic backups: the days kept are saved, used by the next daily backup, and
    stay within a day and a year (a hand-edited file too)."""
    from rundun_desktop.desktop_settings import DesktopSettings
    from tests.desktop.test_sharing import sharing_tab

    home = tmp_path / "home"
    app = start(aloop, home)
    try:
        tab = sharing_tab(app, qtbot)
        assert tab.keep_days.value() == 7
        assert not tab.save_backups_button.isEnabled() and not tab.save_photos_button.isEnabled()  # no change
        tab.keep_days.setValue(1000)
        assert tab.keep_days.value() == 365  # the field keeps it within a year
        tab.keep_days.selectAll()
        qtbot.keyClicks(tab.keep_days.lineEdit(), "3")
        assert tab.keep_days.value() == 3
        qtbot.mouseClick(tab.save_backups_button, Qt.MouseButton.LeftButton)
        assert tab.backups_message.text() == (
            "Automatic backups are kept 3 days; older ones go at the next daily backup."
        )
        settings_file = AppPaths.under(home).settings_file
        assert DesktopSettings.load(settings_file).backup_keep_days == 3
        assert not tab.save_backups_button.isEnabled()  # saved: nothing left to save
        tab.quality.setValue(tab.quality.value() - 5)
        assert tab.save_photos_button.isEnabled() and not tab.save_backups_button.isEnabled()

        backups = app.window.backups
        backups.auto_dir.mkdir(parents=True)
        ages = {"four days": 4, "two days": 2}
        made = {}
        for words, days in ages.items():
            path = backups.auto_dir / schedule.backup_name(time.time() - days * 86400)
            path.write_bytes(words.encode())
            os.utime(path, (time.time() - days * 86400,) * 2)
            made[words] = path
        backups.auto_backup()
        wait_until(
            aloop,
            lambda: not made["four days"].exists() and len(schedule.list_backups(backups.auto_dir)) == 2,
            30,
        )
        assert made["two days"].exists()
    finally:
        stop(aloop, app)
    settings_file.write_text('{"backup_keep_days": 0}')
    assert DesktopSettings.load(settings_file).backup_keep_days == 7
    settings_file.write_text('{"backup_keep_days": "a week"}')
    assert DesktopSettings.load(settings_file).backup_keep_days == 7


def test_two_backups_of_the_workspace_to_one_file_at_once_each_write_their_own(tmp_path):
    """The daily backup and File → Back up workspace… (or two apps on a shared folder) writing the same file at
    once: each has its own temporary file, the one that finishes last is the file, whole, and nothing else
    stays (a fixed `<file>.partial` was shared: the first to finish renamed it away under the other, whose
    rename then failed, or the file held the other's half-written bytes)."""
    from server.backup.archive import restore_backup
    from tests.support.server_process import init_org

    server_dir = tmp_path / "server"
    init_org(server_dir)
    target = tmp_path / "backups" / "same.rdbk"
    second: list = []

    def progress(done: int, total: int) -> None:
        if not second:  # the second backup starts and ends while the first is being written
            second.append(backup_controller.write_backup(server_dir, target, "other", None))

    first = backup_controller.write_backup(server_dir, target, None, progress)
    assert len(second) == 1
    assert [p.name for p in target.parent.iterdir()] == ["same.rdbk"]  # no temporary file left
    with open(target, "rb") as src:  # the first's archive, whole (not encrypted: the second's was)
        restored = restore_backup(src, tmp_path / "restored", None, None)
    assert restored.about["counts"] == first.about["counts"]
