"""The embedded server's own process: `rundun-server serve`, ended with the app that started it.

The app starts it as `python -m rundun_desktop.server_child serve …` (from the PyInstaller bundle:
`rundun-desktop --embedded-server serve …`). It reads its stdin only to notice the app going away: when the
app exits or is killed (`kill -9` too), the pipe closes, stdin ends and so does this process. A paused app
(`SIGSTOP`, a sleeping laptop) keeps the pipe open: the server waits with it.

With `--after-go` first, it imports the server, then waits for the line "go" on stdin before it serves
(`ChildServer.prestart`): the app starts it before it has taken the workspace's lock.

With `--log-file PATH --log-max-bytes N` first, its stderr is that file (the app opened it for the process) and
is rolled to `PATH.1` once it grows past N bytes while the server runs: the server writes a line per failed
webhook attempt, and an app left open for weeks with its receiver down grew the file without end when it was
rolled only at a start.
"""

from __future__ import annotations

import gc
import os
import shutil
import sys
import threading
from pathlib import Path
from typing import TextIO

AFTER_GO = "--after-go"
LOG_FILE = "--log-file"


class RolledStderr:
    """`sys.stderr` over the log file at `path` (fd 2, opened for appending by the app): once a line takes
    the file past `max_bytes`, the file is copied to `path.1` (one kept) and emptied, and writing goes on at
    its start. Copied and emptied rather than renamed: fd 2 stays the same file, for what writes there
    directly (a crash's traceback), and Windows cannot rename a file held open."""

    def __init__(self, stream: TextIO, path: Path, max_bytes: int):
        self._stream, self._path, self._max_bytes = stream, path, max_bytes
        self._lock = threading.Lock()

    def write(self, text: str) -> int:
        with self._lock:
            written = self._stream.write(text)
            if "\n" in text:
                self._stream.flush()
                self._roll_if_large()
            return written

    def _roll_if_large(self) -> None:
        try:
            if os.fstat(self._stream.fileno()).st_size <= self._max_bytes:
                return
            shutil.copyfile(self._path, self._path.with_name(self._path.name + ".1"))
            os.ftruncate(self._stream.fileno(), 0)
        except OSError:
            pass  # a full disk, the file gone: the server goes on; the next line tries again

    def flush(self) -> None:
        self._stream.flush()

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


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
    if argv[:1] == [LOG_FILE]:
        sys.stderr = RolledStderr(sys.stderr, Path(argv[1]), int(argv[3]))
        argv = argv[4:]  # the path, then --log-max-bytes and its number
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
