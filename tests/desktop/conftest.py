"""Desktop fixtures: a qasync event loop over the QApplication and a real embedded server on loopback."""

from __future__ import annotations

import asyncio
import subprocess
import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import qasync
import shiboken6
from PySide6 import QtCore
from PySide6.QtGui import QCursor
from PySide6.QtWidgets import QApplication

from rundun_desktop import i18n
from rundun_desktop.api_client import ApiClient
from rundun_desktop.embedded import EmbeddedServer, bootstrap


class RunningQEventLoop(qasync.QEventLoop):
    """The qasync loop marked running for the whole test, as in the app (where `qasync.run` drives it).

    qasync's own `run_until_complete` stops the loop in between and then processes Qt events once more
    with no running asyncio loop, and pytest-qt processes events between test phases: callbacks due at
    those moments would run outside the loop (httpx/anyio then fail). Here the loop stays running and
    `run_until_complete` spins a nested Qt event loop until the future is done.
    """

    def run_until_complete(self, future):
        future = asyncio.ensure_future(future, loop=self)
        if not future.done():
            spinner = QtCore.QEventLoop()
            future.add_done_callback(lambda _f: spinner.quit())
            spinner.exec()
        return future.result()


# Closed loops are kept referenced: otherwise the garbage collector may free a loop's Qt objects (its timer
# QObject) on another thread, e.g. the embedded server's, where Qt cannot unregister their timers, and a
# later timer event then reaches freed memory (a segfault in a later test).
_CLOSED_LOOPS: list = []


BIDI_CONTROLS = dict.fromkeys(map(ord, "\u200e\u200f\u2066\u2067\u2068\u2069"))


def as_read(text: str) -> str:
    """`text` as a person reads it: without the invisible marks and isolates that keep its direction."""
    return text.translate(BIDI_CONTROLS)


@pytest.fixture(scope="session")
def compiled_catalogs(tmp_path_factory) -> Path:
    """The word catalogs compiled here (as `make catalogs` does), for a test that switches language."""
    out = tmp_path_factory.mktemp("qm")
    lrelease = Path(sys.executable).parent / "pyside6-lrelease"
    for ts in sorted((Path(__file__).resolve().parents[2] / "resources" / "i18n").glob("*.ts")):
        subprocess.run(
            [lrelease, "-silent", ts, "-qm", out / ts.with_suffix(".qm").name], check=True, timeout=120
        )
    return out


@pytest.fixture
def speak(qapp, compiled_catalogs) -> Iterator:
    """`speak("de")`: the app's words, locale and direction in that language for the test, English after."""
    translation = i18n.Translation()
    # Put back as found: the system's locale (C here) writes 1314 where English writes 1,314, and the tests
    # after this one on its worker read numbers in the session's English.
    locale = QtCore.QLocale()

    def install(language: str) -> None:
        assert translation.install(qapp, language, compiled_catalogs)

    yield install
    translation.remove(qapp)
    QtCore.QLocale.setDefault(locale)
    qapp.setLayoutDirection(QtCore.Qt.LayoutDirection.LeftToRight)


@pytest.fixture(scope="session", autouse=True)
def english_plurals(qapp) -> QtCore.QLocale:
    """English's counted words ("1 problem", "2 problems"), installed as the app does at its start (a test of
    a model or widget alone has no app start; one that switches language puts English back when done)."""
    i18n.TRANSLATION.install(qapp, "en")
    return QtCore.QLocale()


@pytest.fixture(autouse=True)
def english_numbers(english_plurals: QtCore.QLocale) -> None:
    """Each test starts in the session's English locale. A test before it on its worker that left the system's
    (C here) made the next write 1314 for 1,314: a dashboard test failed or passed by which tests ran first."""
    QtCore.QLocale.setDefault(english_plurals)


@pytest.fixture(autouse=True)
def pointer_away(qapp) -> None:
    """The pointer away from every window as each test starts. The offscreen pointer stays where the last test
    that moved it left it, in the same process; a list shown under it got an Enter and held its new rows still
    ("New: 1 run, shown when the pointer leaves the list", by design), so a test's outcome hung on which tests
    ran before it on its worker."""
    QCursor.setPos(QtCore.QPoint(-10_000, -10_000))


@pytest.fixture(autouse=True)
def windows_let_go(qapp) -> Iterator[None]:
    """The windows a test made and left closed are deleted (when the next loop runs, as the `desktop` fixture's
    window is): kept, a worker held some 6,000 widgets late in a run, and every change made to the whole app
    (a scheme, a style sheet, a language) went through them all: a scheme test took 15 s instead of 0.1 s.
    Only windows without a parent: a combo box's list or a menu is a window too, and goes with its owner."""
    before = {pointer(widget) for widget in QApplication.topLevelWidgets()}
    yield
    for widget in QApplication.topLevelWidgets():
        if widget.parent() is None and not widget.isVisible() and pointer(widget) not in before:
            widget.deleteLater()


def pointer(widget) -> int:
    return shiboken6.getCppPointer(widget)[0]


@pytest.fixture
def aloop(qapp) -> Iterator[qasync.QEventLoop]:
    """An asyncio loop driven by Qt: `aloop.run_until_complete(coro)` keeps widgets live while it waits."""
    loop = RunningQEventLoop(qapp, already_running=True)
    asyncio.set_event_loop(loop)
    yield loop
    pending = [t for t in asyncio.all_tasks(loop) if not t.done()]
    for task in pending:
        task.cancel()
    if pending:
        loop.run_until_complete(asyncio.gather(*pending, return_exceptions=True))
    # Not `loop.stop()`: it calls `QApplication.exit()`, whose Quit event would end the next test's loops.
    loop._QEventLoop__is_running = False  # type: ignore[attr-defined]
    asyncio.events._set_running_loop(None)
    loop.close()  # now, while the QApplication still exists (closing it later fails in qasync)
    asyncio.set_event_loop(None)
    _CLOSED_LOOPS.append(loop)


@dataclass
class LiveServer:
    server: EmbeddedServer
    api_key: str

    @property
    def url(self) -> str:
        return self.server.url


@pytest.fixture
def live_server(tmp_path: Path) -> Iterator[LiveServer]:
    """The real server, started in-process on 127.0.0.1 exactly as the desktop app embeds it."""
    data_dir = tmp_path / "server"
    boot = bootstrap(data_dir)
    server = EmbeddedServer(data_dir)
    server.start()
    try:
        yield LiveServer(server, boot.api_key)  # type: ignore[arg-type]
    finally:
        server.stop()


@pytest.fixture
def client(live_server: LiveServer, aloop) -> Iterator[ApiClient]:
    """An ApiClient on the live server, closed on the test's loop."""
    api = ApiClient(live_server.url, live_server.api_key)
    yield api
    aloop.run_until_complete(api.close())


# -- driving async code from tests ------------------------------------------------------------------------------
def run(aloop, coro, timeout: float = 60.0):
    """Run a coroutine on the qasync loop (widgets stay live) with a hard timeout."""
    return aloop.run_until_complete(asyncio.wait_for(coro, timeout))


GUARD_S = 60.0  # the least a wait for a condition allows: a guard against a hang, never a duration


def wait_until(aloop, predicate, timeout: float = GUARD_S, interval: float = 0.02) -> None:
    """Let the loop (and Qt) run until `predicate()` holds; fail after `timeout` seconds, never fewer than
    GUARD_S (the 5–15 s many callers give ran out on a busy CI machine; a condition met sooner returns sooner)."""
    timeout = max(timeout, GUARD_S)

    async def poll():
        while not predicate():
            await asyncio.sleep(interval)

    try:
        run(aloop, poll(), timeout)
    except TimeoutError:
        raise AssertionError(f"condition not met within {timeout} s") from None


def shown_dialog(kind):
    """The dialog of `kind` on screen, if one is (a test answers it as a person would)."""
    from PySide6.QtWidgets import QApplication

    return next((w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible()), None)


def pump(aloop, seconds: float) -> None:
    """Let the loop run for a while (for 'nothing happens' checks)."""
    run(aloop, asyncio.sleep(seconds), seconds + 5)


@pytest.fixture
def desktop(live_server: LiveServer, aloop, tmp_path: Path):
    """The whole desktop app (window, controllers, live updates) connected to the live server through
    Settings' remote-server path, with its settings and key file under tmp_path (never the real keyring)."""
    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.paths import AppPaths
    from rundun_desktop.style import apply_style

    qapp = QApplication.instance()
    if not qapp.styleSheet():  # once: re-applying re-polishes every widget alive, slower each test
        apply_style(qapp)
    app = DesktopApp(
        AppPaths.under(tmp_path / "home"), use_keyring=False, check_interval=1.0, poll_interval=0.5
    )
    app.window.view.resize(
        1360, 860
    )  # a large screen's window (it opens no larger than the offscreen 800×800)
    app.window.show()
    run(aloop, app.connection.use_remote(live_server.url, live_server.api_key))
    wait_until(aloop, lambda: app.live.mode != "off", 10)
    yield app
    run(aloop, app.close())
    app.window.view.close()
    app.window.view.deleteLater()
    _CLOSED_LOOPS.append(app)  # see _CLOSED_LOOPS: its QObjects must not be freed on another thread


def right_to_left_option(table, index):
    """How `table`'s delegate lays out the cell at `index` in a right-to-left (Arabic) layout."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QStyleOptionViewItem

    table.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    try:
        option = QStyleOptionViewItem()
        option.initFrom(table)
        table.itemDelegateForIndex(index).initStyleOption(option, index)
        return option
    finally:
        table.setLayoutDirection(Qt.LayoutDirection.LeftToRight)
