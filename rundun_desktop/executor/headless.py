"""The sync engine without Qt: `python -m rundun_desktop.executor.headless [--store DIR]`.

Drains the executor store's outbox (the app's, by default) and exits when nothing is waiting, or keeps
syncing with `--watch`; `--open LINK` first opens a run into the store. For a machine without a display, and for `rundun-desktop --self-test`. Prints the
sync status in words as it changes; exits 1 if changes are still waiting at `--timeout`, 2 if the run could not be
opened (why, in words, on stderr).
"""

from __future__ import annotations

import argparse
import asyncio
import logging
import sys
from pathlib import Path

from rundun_desktop.executor.links import LinkError
from rundun_desktop.executor.opening import IdentityNeeded, open_into
from rundun_desktop.executor.protocol import ProtocolError
from rundun_desktop.executor.sync import SyncConfig, SyncEngine, SyncStatus


def default_store() -> Path:
    from rundun_desktop.paths import AppPaths

    return AppPaths.default().data_dir / "executor"


async def sync(store: Path, *, watch: bool, timeout: float | None, config: SyncConfig | None = None) -> int:
    last: list[str] = []

    def show(event: str, data) -> None:
        if event == "status" and isinstance(data, SyncStatus) and not data.syncing:
            words = data.words() + (f" — {data.last_error.splitlines()[0]}" if data.last_error else "")
            if not last or last[-1] != words:
                last.append(words)
                print(words, flush=True)

    engine = SyncEngine(store, config=config, listener=show)
    engine.start()
    try:
        if watch:
            await asyncio.Event().wait()
        return 0 if await engine.drain(timeout) else 1
    finally:
        await engine.stop()


def speak_the_apps_language() -> None:
    """The app's words in the app's language (its setting, else the system's), counted words included: with no
    catalog installed it printed "1 change(s) waiting". A QCoreApplication, which needs no display, holds them."""
    from PySide6.QtCore import QCoreApplication

    from rundun_desktop import i18n
    from rundun_desktop.desktop_settings import DesktopSettings
    from rundun_desktop.paths import AppPaths

    app = QCoreApplication.instance() or QCoreApplication(sys.argv[:1])
    i18n.install_for(app, DesktopSettings.load(AppPaths.default().settings_file).language)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m rundun_desktop.executor.headless", description=__doc__)
    parser.add_argument("--store", type=Path, default=None, help="The executor store (default: the app's).")
    parser.add_argument("--watch", action="store_true", help="Keep syncing until interrupted.")
    parser.add_argument("--timeout", type=float, default=None, help="Give up after this many seconds.")
    parser.add_argument(
        "--open", metavar="LINK", help="First open this run (https://…/r/<id>) into the store."
    )
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    speak_the_apps_language()
    store = args.store or default_store()
    try:
        if args.open:
            try:
                opened = asyncio.run(open_into(store, args.open))
            except (LinkError, ProtocolError, IdentityNeeded) as exc:  # in words, not a traceback
                print(exc, file=sys.stderr, flush=True)
                return 2
            print(f"Opened {opened}", flush=True)
        return asyncio.run(sync(store, watch=args.watch, timeout=args.timeout))
    except KeyboardInterrupt:
        return 130


if __name__ == "__main__":
    sys.exit(main())
