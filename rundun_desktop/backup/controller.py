"""Backups of the embedded workspace and the full-disk banner: what happens behind `BackupUi`.

- File → Back up workspace… writes the server's own archive (`server.backup`, optionally encrypted) of the
  embedded server's data dir while it keeps serving; Restore workspace… checks an archive completely into
  `<server dir>.restored`, which replaces the workspace at the next start (`schedule.apply_pending_restore`,
  the old one kept beside it): the running server never has its files swapped under it.
- Once a day (checked at start and every hour) an automatic backup goes to `<data dir>/backups`, and those
  older than `DesktopSettings.backup_keep_days` are deleted; the status bar says "last backup 2 h ago".
- Any 507 `storage_full` answer shows one banner in the status bar instead of a stack of failures; it
  goes once `/v1/health` is `ok` again (polled while shown) or a write succeeds.
All disk work runs on a worker thread; the window stays responsive. The archive code (`server.backup`, and
`cryptography` under it) is imported when a backup or restore first runs, not at the app's start.
"""

from __future__ import annotations

import asyncio
import logging
import shutil
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING

import httpx
from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop.api_client import ApiError
from rundun_desktop.backup import schedule
from rundun_desktop.backup.backup_view import BackupUi
from rundun_desktop.desktop_settings import EMBEDDED
from rundun_desktop.words import QT_TRANSLATE_NOOP
from server.durable import written_beside

if TYPE_CHECKING:
    from server.backup.archive import Summary

log = logging.getLogger("rundun.desktop.backup")
AUTO_CHECK_MS = 3600 * 1000
FIRST_CHECK_MS = 60 * 1000
STATUS_REFRESH_MS = 60 * 1000
HEALTH_POLL_S = 10.0
DISK_FULL_TEXT = QT_TRANSLATE_NOOP(
    "backup", "Server disk full: changes are not being saved. Free some space; this clears by itself."
)
REMOTE_WHY = QT_TRANSLATE_NOOP(
    "backup", "A remote server is backed up by its operator (rundun-server backup)."
)


class BackupBusy(Exception):
    """A backup or restore asked for while another one is being written."""


def write_backup(server_dir: Path, target: Path, passphrase: str | None, progress) -> Summary:
    """One archive at `target`, written as a temporary file of its own beside it (`<target>.<random>.partial`,
    as `rundun-server backup` does) and renamed over it once whole and synced (a worker thread). A fixed
    `<target>.partial` was shared by two backups to one file at once (the daily one and File → Back up
    workspace…, or two apps' on a shared folder): each truncated the other's, and one could rename the other's
    half-written archive into place."""
    from server.backup.archive import create_backup

    target.parent.mkdir(parents=True, exist_ok=True)
    with written_beside(target) as out:
        return create_backup(server_dir, out, passphrase.encode() if passphrase else None, progress)


def read_backup(source: Path, into: Path, passphrase: str | None, progress) -> Summary:
    """Check `source` completely and unpack it into `into` (replacing an earlier unapplied restore)."""
    from server.backup.archive import restore_backup

    if into.exists():
        shutil.rmtree(into)
    with open(source, "rb") as src:
        return restore_backup(src, into, passphrase.encode() if passphrase else None, progress)


def written_words(about: dict, path: str) -> str:
    """What a backup holds, as its dialog says it: "4 templates, 2 runs, 14 answers and 3 photos saved to …"
    (the templates, a designer's work, went unsaid)."""
    return QCoreApplication.translate("WorkspaceBackups", "{0}, {1}, {2} and {3} saved to {4}.").format(
        fmt.count(about["counts"].get("templates", 0), "template"),
        fmt.count(about["counts"]["runs"], "run"),
        fmt.count(about["counts"]["answers"], "answer"),
        fmt.count(about["photo_files"], "photo"),
        path,
    )


def restored_words(about: dict) -> str:
    return QCoreApplication.translate(
        "WorkspaceBackups",
        "The backup of {0} ({1}, {2}) is checked and ready. Rundun uses it from its next start; the current "
        "workspace is kept beside it.",
    ).format(
        about["created_at"],
        fmt.count(about["counts"]["runs"], "run"),
        fmt.count(about["photo_files"], "photo"),
    )


class WorkspaceBackups(QObject):
    progressed = Signal(int)  # percent, from the worker thread
    backed_up = Signal(str)  # the archive written (manual or automatic)

    def __init__(self, connection, events, ui: BackupUi, parent: QObject | None = None):
        super().__init__(parent)
        self.connection, self.ui = connection, ui
        self.busy = False
        self.health_task: asyncio.Task | None = None
        ui.back_up.triggered.connect(self.back_up_clicked)
        ui.restore.triggered.connect(self.restore_clicked)
        self.progressed.connect(ui.set_progress)
        events.connection_changed.connect(lambda *_: self.refresh())
        connection.api.http.event_hooks["response"].append(self._watch_response)
        self.auto_timer = QTimer(self)
        self.auto_timer.timeout.connect(self.auto_backup)
        # Owned (not QTimer.singleShot) so that shutdown() stops it: it must not fire once the loop is gone.
        self.first_check = QTimer(self, singleShot=True, interval=FIRST_CHECK_MS)
        self.first_check.timeout.connect(self.auto_backup)
        self.first_check.start()
        self.auto_timer.start(AUTO_CHECK_MS)
        self.status_timer = QTimer(self)
        self.status_timer.timeout.connect(self.refresh)
        self.status_timer.start(STATUS_REFRESH_MS)
        self.refresh()

    # -- where things are ----------------------------------------------------------------------------------
    @property
    def embedded(self) -> bool:
        return self.connection.mode == EMBEDDED

    @property
    def server_dir(self) -> Path:
        return self.connection.paths.server_dir

    @property
    def pending_dir(self) -> Path:
        return schedule.pending_restore(self.server_dir)

    @property
    def auto_dir(self) -> Path:
        return schedule.backups_dir(self.connection.paths.data_dir)

    def refresh(self) -> None:
        self.ui.set_available(self.embedded, QCoreApplication.translate("backup", REMOTE_WHY))
        self.ui.last_backup.setText(schedule.ago(schedule.last_any_backup_at(self.auto_dir)))

    def _report(self, done: int, total: int) -> None:
        self.progressed.emit(100 * done // total if total else 100)

    # -- File menu -----------------------------------------------------------------------------------------
    @asyncSlot()
    async def back_up_clicked(self) -> None:
        from server.backup.sealed import BackupError

        path = await self.ui.ask_save_path(schedule.backup_name(time.time()))
        if path is None:
            return
        passphrase = await self._new_passphrase()
        if passphrase is None:
            return
        try:
            summary = await self._with_progress(
                self.tr("Backing up the workspace…"),
                lambda report: write_backup(self.server_dir, Path(path), passphrase, report),
            )
        except (BackupError, BackupBusy, OSError) as exc:
            self.ui.warn(
                self.tr("Backup failed"), self.tr("The backup was not written: {0}").format(_words(exc))
            )
            return
        try:
            await asyncio.to_thread(schedule.mark_manual_backup, self.auto_dir, time.time())
        except OSError as exc:  # only the status bar's words are at stake: the backup itself is written
            log.warning("could not note the backup's time: %s", exc)
        self.refresh()
        self.ui.tell(self.tr("Backup written"), written_words(summary.about, path))

    async def _new_passphrase(self) -> str | None:
        """The backup's passphrase, typed twice when there is one (typed once, unseen, a slip of a finger made the
        backup one nobody could restore); "" for none, None when cancelled."""
        prompt = self.tr("A passphrase to encrypt the backup (leave empty for none):")
        while True:
            first = await self.ui.ask_passphrase(prompt)
            if not first:
                return first
            again = await self.ui.ask_passphrase(self.tr("The same passphrase again, to be sure of it:"))
            if again is None or again == first:
                return again
            prompt = self.tr(
                "The two passphrases differ. A passphrase to encrypt the backup (leave empty for none):"
            )

    @asyncSlot()
    async def restore_clicked(self) -> None:
        from server.backup.sealed import BackupError, WrongPassphrase

        path = await self.ui.ask_open_path()
        if path is None:
            return
        passphrase: str | None = None
        while True:
            try:
                summary = await self._with_progress(
                    self.tr("Checking the backup…"),
                    partial(read_backup, Path(path), self.pending_dir, passphrase),  # this try's passphrase
                )
                break
            except WrongPassphrase:  # said in the app's words (the server's named a command-line flag)
                prompt = (
                    self.tr("This backup is encrypted. Its passphrase:")
                    if passphrase is None
                    else self.tr("That passphrase does not open this backup. Try again:")
                )
                passphrase = await self.ui.ask_passphrase(prompt)
                if passphrase is None:
                    return
            except (BackupError, BackupBusy, OSError) as exc:
                self.ui.warn(
                    self.tr("Restore refused"), self.tr("Nothing was changed: {0}").format(_words(exc))
                )
                return
        self.ui.tell(self.tr("Backup restored"), restored_words(summary.about))

    async def _with_progress(
        self, title: str, job: Callable[[Callable[[int, int], None]], Summary]
    ) -> Summary:
        """Run `job(report)` on a worker thread behind a progress dialog (not modal: the File menu's backup
        actions wait meanwhile), or refuse while another backup is being written (the daily one)."""
        if self.busy:
            raise BackupBusy(self.tr("Another backup is being written; try again in a moment."))
        self.busy = True
        self.ui.set_busy()
        self.ui.start_progress(title)
        try:
            return await asyncio.to_thread(job, self._report)
        finally:
            self.ui.end_progress()
            self.busy = False
            self.refresh()

    # -- the automatic daily backup ------------------------------------------------------------------------
    @asyncSlot()
    async def auto_backup(self) -> Path | None:
        """Make today's automatic backup if it is due (embedded only), then drop the expired ones."""
        from server.backup.sealed import BackupError

        now = time.time()
        if self.busy or not self.embedded or not self.server_dir.exists():
            return None
        if not schedule.is_due(self.auto_dir, now):
            return None
        target = self.auto_dir / schedule.backup_name(now)
        self.busy = True
        try:
            await asyncio.to_thread(write_backup, self.server_dir, target, None, None)
            keep = self.connection.settings.backup_keep_days
            await asyncio.to_thread(schedule.prune, self.auto_dir, keep, now)
        except (BackupError, OSError) as exc:
            log.warning("automatic backup failed: %s", exc)
            self.ui.last_backup.setText(self.tr("automatic backup failed: {0}").format(exc))
            return None
        finally:
            self.busy = False
        self.refresh()
        self.backed_up.emit(str(target))
        return target

    # -- the full-disk banner ------------------------------------------------------------------------------
    async def _watch_response(self, response: httpx.Response) -> None:
        if response.status_code == 507:
            self.ui.show_disk_full(QCoreApplication.translate("backup", DISK_FULL_TEXT))
            if self.health_task is None or self.health_task.done():
                self.health_task = asyncio.ensure_future(self._until_healthy())
        elif response.is_success and response.request.method not in ("GET", "HEAD"):
            self.ui.show_disk_full(None)  # a write went through: there is space again

    async def _until_healthy(self) -> None:
        while True:
            await asyncio.sleep(HEALTH_POLL_S)
            try:
                health = await self.connection.api.request("GET", "/v1/health")
            except ApiError:  # offline: the connection state says so already; ask again later
                health = None
            if isinstance(health, dict) and health.get("status") == "ok":
                self.ui.show_disk_full(None)
                return

    def shutdown(self) -> None:
        self.first_check.stop()
        self.auto_timer.stop()
        self.status_timer.stop()
        if self.health_task is not None:
            self.health_task.cancel()


def _words(exc: Exception) -> str:
    """A failure as a person reads it: "No such file or directory: /media/usb/friday.rdbk", not Python's
    "[Errno 2] No such file or directory: '/media/usb/friday.rdbk'"."""
    if isinstance(exc, OSError) and exc.strerror:
        return f"{exc.strerror}: {exc.filename}" if exc.filename else exc.strerror
    return str(exc)
