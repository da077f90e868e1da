"""The app the photo-kill test SIGKILLs: the real Executor page on a store, a run shown, a photo dropped on its
step through the real widget, and the process stopped dead while that photo is on its way to being kept.

`python photo_kill_child.py DATA_DIR RUN_ID HOW MOMENT FILE[,FILE…]`: HOW is `file` (dropped as from a file manager) or
`data` (an image dropped as from a browser); MOMENT is `prepare` (while it is being read and scaled) or `written`
(its prepared file written into the store, no row naming it yet). At that moment it prints `stopped` and waits
to be killed.
"""

from __future__ import annotations

import asyncio
import os
import sys
import threading
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[3]))
os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

import qasync
from PySide6.QtCore import QMimeData
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication

from rundun_desktop.executor import ExecutorPage, photo_prep
from rundun_desktop.executor import store as st
from tests.desktop.executor.conftest import FAST, drop, drop_data


def stop_here() -> None:
    """Say so, then wait forever (on the worker thread the step runs on): the test kills the process now."""
    os.write(1, b"stopped\n")
    threading.Event().wait()


def stop_at(moment: str) -> None:
    if moment == "prepare":
        photo_prep.prepare = lambda *_a, **_k: stop_here()  # type: ignore[assignment]
    else:
        write_photo = st.write_photo

        def written(root, data):
            photo = write_photo(root, data)
            stop_here()
            return photo

        st.write_photo = written  # type: ignore[assignment]


async def main(data_dir: Path, run_id: str, how: str, moment: str, files: list[Path]) -> None:
    page = ExecutorPage(None, data_dir=data_dir, sync_config=FAST)
    page.resize(1024, 700)
    page.show()
    await page.show_run(run_id)
    stop_at(moment)
    strip = page.runner.cards["s-pic"].photos
    if how == "file":
        drop(strip, files)
    else:
        mime = QMimeData()
        mime.setImageData(QImage(str(files[0])))
        drop_data(strip, mime)
    await asyncio.Event().wait()  # until killed


if __name__ == "__main__":
    app = QApplication(sys.argv[:1])
    data_dir, run_id, how, moment, files = sys.argv[1:6]
    qasync.run(main(Path(data_dir), run_id, how, moment, [Path(f) for f in files.split(",")]))
