"""`rundun-desktop`: the Rundun desktop app (run monitor, dispatch, keys, members; the template editor and
offline executor live in their own packages), with the embedded server started on first use.

asyncio and Qt share one loop through qasync; one httpx.AsyncClient (`Connection.api`), closed on quit.
This module stays light on purpose: the embedded server starts booting on a worker thread (`EarlyBoot`)
before the window's modules are imported, so both get ready together.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path

PAGES = ["templates", "runs", "executor", "settings"]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="rundun-desktop", description="The Rundun desktop app.")
    parser.add_argument(
        "--home",
        type=Path,
        help="Keep settings and the embedded server's data here "
        "(RUNDUN_DESKTOP_HOME; default: the per-user config and data dirs).",
    )
    parser.add_argument("--page", choices=PAGES, default="runs", help="The page to open on.")
    parser.add_argument(
        "--self-test",
        action="store_true",
        help="Run the headless end-to-end self-test in a temporary data dir and exit (0 when it passes).",
    )
    parser.add_argument(
        "link", nargs="?", help="A run link to open in the executor (https://…/r/<id> or rundun://r/<id>)."
    )
    return parser


def parse_args(argv: list[str]) -> argparse.Namespace:
    return build_parser().parse_args(argv)


async def amain(args: argparse.Namespace, paths, early_boot) -> int:
    import asyncio

    from PySide6.QtWidgets import QApplication

    from rundun_desktop.desktop_app import DesktopApp
    from rundun_desktop.style import apply_style

    apply_style(QApplication.instance())
    desktop = DesktopApp(paths, early_boot=early_boot)
    desktop.window.show_page(args.page)
    closed = asyncio.Event()
    desktop.window.view.closing.connect(closed.set)
    # Executor hook: run links from the command line, and from later starts (the OS opening rundun:// URLs).
    from rundun_desktop.executor import links

    def open_link(text: str) -> None:
        asyncio.ensure_future(links.open_startup_link(desktop.window, text))

    link_server = links.listen_for_links(links.instance_name(paths.data_dir), open_link)
    await desktop.start()
    if args.link:  # after connecting: a rundun:// link names no server, the connection's is used
        open_link(args.link)
    await closed.wait()
    if link_server is not None:
        link_server.close()
    await desktop.close()
    return 0


def main(argv: list[str] | None = None) -> int:
    # httpx imports its command-line client (click, rich, pygments) when they are installed; the app never
    # uses it, and skipping it takes ~0.1 s off every start. A None entry makes that import fail softly.
    sys.modules.setdefault("httpx._main", None)  # type: ignore[arg-type]
    args = parse_args(sys.argv[1:] if argv is None else argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    if args.self_test:
        from rundun_desktop.self_test import main as self_test

        return self_test()
    from rundun_desktop.boot import EarlyBoot
    from rundun_desktop.paths import AppPaths

    paths = AppPaths.under(args.home) if args.home else AppPaths.default()
    if args.link:  # Executor hook: a running app on this data dir takes the link; this start ends here
        from rundun_desktop.executor.links import forward_to_running, instance_name

        if forward_to_running(args.link, instance_name(paths.data_dir)):
            return 0
    early_boot = EarlyBoot.if_embedded(paths)  # from here on the server boots while the window is built

    import qasync
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("Rundun")
    app.setOrganizationName("Rundun")
    app.setQuitOnLastWindowClosed(False)  # amain decides when to stop, after closing the client and server
    return qasync.run(amain(args, paths, early_boot))


if __name__ == "__main__":
    sys.exit(main())
