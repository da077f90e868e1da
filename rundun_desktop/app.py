"""`rundun-desktop`: the Rundun desktop app (run monitor, dispatch, keys, members; the template editor and
offline executor live in their own packages), with the embedded server started on first use.

asyncio and Qt share one loop through qasync; one httpx.AsyncClient (`Connection.api`), closed on quit.
This module stays light on purpose: the embedded server starts booting on a worker thread (`EarlyBoot`)
before the window's modules are imported, so both get ready together.

One app per workspace (`single_instance`): a later start on the same workspace hands its page and link to
the running app and exits 0.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import cast

PAGES = ["templates", "runs", "dashboard", "executor", "settings"]  # the sidebar's (main_window_view.PAGES)
log = logging.getLogger("rundun.desktop")


class _Version(argparse.Action):
    """`--version`, reading the installed metadata only when asked (importlib.metadata costs every start)."""

    def __call__(self, parser, namespace, values, option_string=None):
        from server.version import version

        print(f"rundun-desktop {version()}")
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rundun-desktop", description="The Rundun desktop app.")
    parser.add_argument("--version", action=_Version, nargs=0, help="Print the version and exit.")
    parser.add_argument(
        "--home",
        type=Path,
        help="Keep settings, the embedded server's data and the logs here "
        "(RUNDUN_DESKTOP_HOME; default: the per-user config, data and log dirs).",
    )
    parser.add_argument(
        "--page",
        choices=PAGES,
        help="The page to open on (default: the page on show at the last close, else runs).",
    )
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Run the headless end-to-end self-test in a temporary data dir and exit (0 when it passes).",
    )
    parser.add_argument(
        "--register",
        action="store_true",
        help="Make rundun:// links open this app (for this user) and exit.",
    )
    parser.add_argument(
        "link", nargs="?", help="A run link to open in the executor (https://…/r/<id> or rundun://r/<id>)."
    )
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


def handoff(args: argparse.Namespace) -> dict:
    """What a later start passes to the running app: only what it was asked for."""
    return {"page": args.page, "link": args.link}


async def amain(args: argparse.Namespace, paths, early_boot, instance=None) -> int:
    import asyncio

    from PySide6.QtWidgets import QApplication

    from rundun_desktop.import_cost import settle_after_start
    from rundun_desktop.style import apply_style

    apply_style(cast(QApplication, QApplication.instance()))  # made by run() before the loop started
    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.window_state import FILE_NAME, WindowMemory

    desktop = DesktopApp(paths, early_boot=early_boot)
    memory = WindowMemory(desktop.window, paths.config_dir / FILE_NAME)  # where the person left the app
    memory.restore_layout()
    desktop.window.show_page(args.page or (memory.page() if memory.page() in PAGES else "runs"))
    closed = asyncio.Event()
    desktop.window.view.closing.connect(closed.set)

    open_link = desktop.window.open_in_executor

    def later_start(message: dict) -> None:
        """A second `rundun-desktop` on this workspace (a click on the icon, a rundun:// link)."""
        log.info("a later start handed over page=%s link=%s", message.get("page"), message.get("link"))
        desktop.raise_window()
        if message.get("page") in PAGES:
            desktop.window.show_page(message["page"])
        if isinstance(message.get("link"), str) and message["link"]:
            open_link(message["link"])
        log.info("showing page %s", desktop.window.current_page())

    if instance is not None:
        instance.listen(later_start)
    await desktop.start()
    log.info("ready: %s", desktop.connection.state_text)
    settle_after_start()
    if args.link:  # after connecting: a rundun:// link names no server, the connection's is used
        open_link(args.link)
    elif not args.page:
        await memory.reopen()  # the run the executor was filling in, at its section
    memory.start()
    desktop.offer_url_scheme()
    await closed.wait()
    memory.stop()
    await desktop.close()
    if instance is not None:
        instance.release()
    return 0


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--embedded-server"]:  # the bundle's executable, started as the app's server process
        from rundun_desktop.server_child import main as serve

        return serve(argv[1:])
    args = parse_args(argv)
    if args.self_test:
        logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
        from rundun_desktop.self_test import main as self_test

        return self_test()
    if args.register:
        from rundun_desktop.url_scheme import register

        print(register())
        return 0
    from rundun_desktop.paths import AppPaths

    paths = AppPaths.under(args.home) if args.home else AppPaths.default()
    tightened = paths.make_private()  # its folders its user's alone (logged below, once the log is set up)
    from rundun_desktop.boot import prestart_embedded

    # The server's process starts importing now, while this one imports Qt and takes the lock; it touches
    # nothing until it is told to go (EarlyBoot), and a later start that hands over abandons it. First
    # thing, even before the log is set up: the child's start is the longer one (bench/desktop_startup.py).
    prestarted = prestart_embedded(paths)
    from rundun_desktop.app_log import setup_logging

    setup_logging(paths.log_dir)
    for folder in tightened:
        log.info("closed %s to other users: it holds this app's data, keys or logs", folder)
    from rundun_desktop.import_cost import pause_collector_for_start, trim_import_costs

    pause_collector_for_start()  # before Qt's import too (a later start that hands over exits soon after)
    trim_import_costs()
    from rundun_desktop.single_instance import SingleInstance

    instance = SingleInstance(paths.workspace)
    if not instance.acquire():
        handed = instance.forward(handoff(args))
        if prestarted is not None:
            prestarted.abandon()
        if handed:
            log.info("handed page=%s link=%s to the running app", args.page, args.link)
            return 0
        print(
            f"Rundun is already running on {paths.workspace} (process {instance.owner_pid()}) "
            "but does not answer. Close it, or end that process, and start again.",
            file=sys.stderr,
        )
        return 1
    log.info("starting on %s (process owns the workspace)", paths.workspace)
    from rundun_desktop.boot import EarlyBoot

    early_boot = EarlyBoot.if_embedded(paths, prestarted)  # the server boots while the window is built

    import qasync
    from PySide6.QtWidgets import QApplication

    app = cast(QApplication, QApplication.instance() or QApplication(sys.argv[:1]))
    app.setApplicationName("Rundun")
    app.setOrganizationName("Rundun")
    app.setQuitOnLastWindowClosed(False)  # amain decides when to stop, after closing the client and server
    return qasync.run(amain(args, paths, early_boot, instance))


if __name__ == "__main__":
    sys.exit(main())
