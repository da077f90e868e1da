"""Executor fixtures: the real Executor page (its own local store under tmp_path, a fast-retrying sync engine)
on the real embedded server, and helpers to dispatch runs and reach the server as the organisation does."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtWidgets import QApplication

from rundun_desktop.executor import ExecutorPage
from rundun_desktop.executor.sync import SyncConfig
from rundun_desktop.style import apply_style
from tests.desktop.conftest import run
from tests.support.org import Org

FAST = SyncConfig(
    backoff_base=0.05, backoff_cap=0.5, probe_interval=0.1, idle_probe_interval=1.0, chunk_size=64 * 1024
)


@pytest.fixture
def org(live_server) -> Iterator[Org]:
    o = Org(live_server.url, live_server.api_key)
    yield o
    o.http.close()


@pytest.fixture
def page(client, aloop, qtbot, tmp_path: Path) -> Iterator[ExecutorPage]:
    """The Executor page with its store in tmp_path, shown; closed (engine stopped) after the test."""
    qapp = QApplication.instance()
    if not qapp.styleSheet():
        apply_style(qapp)
    p = ExecutorPage(client, data_dir=tmp_path / "exe", sync_config=FAST)
    qtbot.addWidget(p)
    p.resize(1100, 820)
    p.show()
    yield p
    run(aloop, p.aclose())


def opened(aloop, page: ExecutorPage, link: str) -> str:
    run_id = run(aloop, page.open_link(link))
    assert run_id, page.inbox_view.message.text()
    return run_id


def choose_folder(monkeypatch, folder: Path | str) -> None:
    """The export's folder dialog answers `folder` ("" = cancelled): a native modal dialog cannot run offscreen,
    so it alone is replaced."""
    from rundun_desktop.executor import runner_view

    monkeypatch.setattr(runner_view.QFileDialog, "getExistingDirectory", staticmethod(lambda *a: str(folder)))


def activate(qtbot, window) -> None:
    """Shortcuts act in the active window only (the offscreen platform activates on request)."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=30000)


def drop(widget, paths: list[Path]) -> None:
    """Drop files on a widget, as from a file manager."""
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    drop_data(widget, mime)


def drop_data(widget, mime: QMimeData) -> None:
    """Drop what `mime` holds on a widget (files, or an image as from a browser)."""
    widget.dropEvent(
        QDropEvent(
            QPointF(10, 10),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.NoButton,
            Qt.KeyboardModifier.NoModifier,
        )
    )
