"""The embedded server's own process: `rundun-server serve`, ended with the app that started it.

The app starts it as `python -m rundun_desktop.server_child serve …` (from the PyInstaller bundle:
`rundun-desktop --embedded-server serve …`). It reads its stdin only to notice the app going away: when the
app exits or is killed (`kill -9` too), the pipe closes, stdin ends and so does this process. A paused app
(`SIGSTOP`, a sleeping laptop) keeps the pipe open: the server waits with it.
"""

from __future__ import annotations

import gc
import os
import sys
import threading


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
    _end_with_parent()
    # The server's imports (FastAPI, pydantic models) allocate a lot and free almost nothing: the cyclic
    # collector's passes over them cost ~10 % of the start-up the app waits for. `serve` collects once,
    # freezes what it built and turns the collector back on before it serves.
    gc.disable()
    from server.cli import main as server_main

    return server_main(sys.argv[1:] if argv is None else argv)


if __name__ == "__main__":
    sys.exit(main())
