"""The embedded server's own process: `rundun-server serve`, ended with the app that started it.

The app starts it as `python -m rundun_desktop.server_child serve …` (from the PyInstaller bundle:
`rundun-desktop --embedded-server serve …`). It reads its stdin only to notice the app going away: when the
app exits or is killed (`kill -9` too), the pipe closes, stdin ends and so does this process. A paused app
(`SIGSTOP`, a sleeping laptop) keeps the pipe open: the server waits with it.

With `--after-go` first, it imports the server, then waits for the line "go" on stdin before it serves
(`ChildServer.prestart`): the app starts it before it has taken the workspace's lock.
"""

from __future__ import annotations

import gc
import os
import sys
import threading

AFTER_GO = "--after-go"


def _end_with_parent() -> None:
    def watch() -> None:
        try:
            while sys.stdin.buffer.read(4096):
                pass
        except (OSError, ValueError):
            pass
        os._exit(0)  # committed data is safe in SQLite's WAL; nothing else is worth waiting for

    threading.Thread(target=watch, name="rundun-parent-watch", daemon=True).start()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # The server's imports (FastAPI, pydantic models) allocate a lot and free almost nothing: the cyclic
    # collector's passes over them cost ~10 % of the start-up the app waits for. `serve` freezes what it
    # built and turns the collector back on before it serves.
    gc.disable()
    if argv[:1] == [AFTER_GO]:
        argv = argv[1:]
        if not _imported_then_told_to_go():
            return 0
    _end_with_parent()
    from server.cli import main as server_main

    code = server_main(argv)
    # Ended here, not by the interpreter's shutdown: the watcher above is blocked in a read of stdin, and
    # finalizing with it there aborts the process ("could not acquire lock for <stdin> at interpreter
    # shutdown"): a refusal's exit code 2 (its data dir held by another server) became SIGABRT.
    sys.stdout.flush()
    sys.stderr.flush()
    os._exit(code)


def _imported_then_told_to_go() -> bool:
    """`--after-go`: the app starts this process before it knows it owns the workspace (its lock), so
    that the server's imports — most of its start-up — overlap the app's own. Import, then wait for the
    line "go" before touching the data dir; an app that did not get the workspace closes the pipe."""
    from server.cli import preload_serve

    preload_serve()

    return sys.stdin.buffer.readline().strip() == b"go"


if __name__ == "__main__":
    sys.exit(main())
