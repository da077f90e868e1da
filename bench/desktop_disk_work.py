"""How long the desktop's GUI thread is held by its disk and image work with big inputs (bench code only): each
piece of work the app does on the GUI thread, run here on this one, timed (wall and CPU, median of `--rounds`).

- a run's PDF with 50 phone photos (at the 1,400 px the report decodes them to): the whole write, and the part
  that stays on the GUI thread since it moved off it (`prepare_report`, the report's words);
- a 12-megapixel photo: fitted to the photo viewer (900×600, the viewer's first size), dropped or pasted onto
  the executor's photo area (encoded for `photo_prep`), a camera frame of that size encoded;
- the dashboard's export of a template of 500 steps (a 500-row table): PNG and PDF;
- a template of 10,000 steps imported (read and parsed) and exported (written) as JSON;
- the runs list's CSV export of 5,000 runs: the GUI thread's part of each of its 25 pages (the page's JSON
  parsed; the rows are written on a worker).
The backups, `photo_prep`, the CSV's writing and the photos' decoding already run off the GUI thread
(`asyncio.to_thread`), so they are not measured here. Anything over ~100 ms freezes the window visibly.

    QT_QPA_PLATFORM=offscreen .venv/bin/python bench/desktop_disk_work.py --rounds 3
"""

from __future__ import annotations

import argparse
import json
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSize, Qt
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from rundun_desktop.answers import photo_key
from rundun_desktop.dashboard import export as dashboard_export
from rundun_desktop.editor.saving import write_json
from rundun_desktop.executor.widgets import camera
from rundun_desktop.executor.widgets.photos import encode_png
from rundun_desktop.photos import decode
from rundun_desktop.reports.pdf import prepare_report, write_run_pdf


def photo(width: int, height: int, seed: int) -> QImage:
    """A photo with detail in it (a flat colour compresses to nothing)."""
    rng = random.Random(seed)
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("#7a8599"))
    painter = QPainter(image)
    for _ in range(width * height // 5000):
        colour = QColor(rng.randrange(256), rng.randrange(256), rng.randrange(256))
        painter.fillRect(
            rng.randrange(width), rng.randrange(height), rng.randrange(8, 240), rng.randrange(8, 240), colour
        )
    painter.end()
    return image


def jpeg(image: QImage) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "JPG", 92)  # type: ignore[call-overload]
    return bytes(data.data())


def fifty_photo_run() -> tuple[dict, dict[str, QImage]]:
    steps, answers, images = [], {}, {}
    sources = [decode(jpeg(photo(4000, 3000, seed)), 1400) for seed in range(5)]
    for n in range(5):
        steps.append({"id": f"s-{n}", "type": "text", "label": f"Room {n}", "photo": {"min": 0, "max": 10}})
        shots = []
        for index in range(10):
            url = f"/v1/media/run-1/s-{n}/{index}.jpg"
            shots.append({"photo_index": index, "url": url})
            images[photo_key(url)] = sources[(n + index) % 5].copy()  # 50 images, as decoded
        answers[f"s-{n}"] = {"value": f"Wall {n}", "at": "2026-03-01T10:00:00Z", "photos": shots}
    run = {
        "run_id": "run-1",
        "status": "completed",
        "language": "en",
        "template": {"name": "Fifty photos", "sections": [{"id": "g-1", "title": "Rooms", "steps": steps}]},
        "answers": answers,
        "progress": {"answered": 5, "total": 5},
    }
    return run, images


def big_table(rows: int) -> QStandardItemModel:
    model = QStandardItemModel(rows, 4)
    model.setHorizontalHeaderLabels(["Step", "Answered", "Skipped", "Findings"])
    for row in range(rows):
        for column, text in enumerate((f"Step {row}: is the item in order?", str(row), "3", "1")):
            model.setItem(row, column, QStandardItem(text))
    return model


def big_template(steps: int) -> dict:
    return {
        "name": "Big",
        "settings": {},
        "sections": [
            {
                "id": f"g-{s}",
                "title": f"Section {s}",
                "steps": [
                    {"id": f"s-{s}-{n}", "type": "text", "label": f"Step {n} of section {s}, written out"}
                    for n in range(steps // 100)
                ],
            }
            for s in range(100)
        ],
    }


def runs_page(count: int = 200) -> bytes:
    """A page of the runs list as the server sends it (`GET /v1/runs?per_page=200`)."""
    summary = {
        "run_id": "r-0123456789abcdef",
        "status": "completed",
        "template_id": "t-0123456789abcdef",
        "template_name": "Vehicle pre-rental inspection",
        "template_v": 3,
        "executor_ref": "BK-20940",
        "executor_identity": {"name": "Ana", "email": "ana@example.com"},
        "progress": {"answered": 12, "skipped": 1, "total": 14},
        "flagged": 1,
        "device": {"pending_ops": 0, "pending_bytes": 0, "failed_ops": 0},
        **{
            f"{k}_at": "2026-03-01T10:00:00Z"
            for k in ("created", "updated", "opened", "completed", "expires")
        },
    }
    return json.dumps({"data": [summary] * count, "pagination": {"next_cursor": "x" * 40}}).encode()


def timed(work: Callable[[], object], rounds: int) -> tuple[float, float]:
    walls, cpus = [], []
    for _ in range(rounds):
        wall, cpu = time.perf_counter(), time.thread_time()
        work()
        walls.append((time.perf_counter() - wall) * 1000)
        cpus.append((time.thread_time() - cpu) * 1000)
    return statistics.median(walls), statistics.median(cpus)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    QApplication([])
    out = Path(tempfile.mkdtemp(prefix="rundun-bench-"))
    run, images = fifty_photo_run()
    twelve = photo(4000, 3000, 99)
    twelve_jpeg = jpeg(twelve)
    viewer = decode(twelve_jpeg, 2400)  # what the viewer is handed (decoded off the GUI thread)
    model = big_table(500)
    blocks = [
        dashboard_export.text_block("Dashboard", 18, bold=True),
        dashboard_export.table_block("Steps", model),
    ]
    template = big_template(10_000)
    page = runs_page()
    write_json(out / "big.json", template)
    print(
        f"12 MP JPEG: {len(twelve_jpeg) / 1e6:.1f} MB; template JSON: {(out / 'big.json').stat().st_size / 1e3:.0f} kB"
    )
    cases: list[tuple[str, Callable[[], object]]] = [
        (
            "run PDF, 50 photos: the whole write (the GUI thread's before)",
            lambda: write_run_pdf(out / "r.pdf", run, images),
        ),
        ("run PDF, 50 photos: prepare_report (the GUI thread's now)", lambda: prepare_report(run, images)),
        (
            "viewer: 2400 px photo fitted as a pixmap, then scaled",
            lambda: QPixmap.fromImage(viewer).scaled(
                QSize(900, 600),
                Qt.AspectRatioMode.KeepAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            ),
        ),
        (
            "viewer: 2400 px photo scaled, then made a pixmap",
            lambda: QPixmap.fromImage(
                viewer.scaled(
                    QSize(900, 600),
                    Qt.AspectRatioMode.KeepAspectRatio,
                    Qt.TransformationMode.SmoothTransformation,
                )
            ),
        ),
        ("12 MP image dropped/pasted: encode_png", lambda: encode_png(twelve)),
        ("12 MP camera frame: encode_jpeg", lambda: camera.encode_jpeg(twelve)),
        (
            "dashboard PNG, 500-row table: painted and written (the GUI thread's before)",
            lambda: dashboard_export.write_png(dashboard_export.paint_png(blocks), str(out / "d.png")),
        ),
        (
            "dashboard PNG, 500-row table: painted (the GUI thread's now)",
            lambda: dashboard_export.paint_png(blocks),
        ),
        ("dashboard PDF, 500-row table", lambda: dashboard_export.save_pdf(blocks, str(out / "d.pdf"), "D")),
        ("template import, 10,000 steps", lambda: json.loads((out / "big.json").read_text(encoding="utf-8"))),
        ("template export, 10,000 steps", lambda: write_json(out / "big2.json", template)),
        ("runs CSV, 5,000 runs: one page of 200 parsed (25 of them)", lambda: json.loads(page)),
    ]
    for name, work in cases:
        wall, cpu = timed(work, args.rounds)
        print(f"{wall:8.0f} ms wall {cpu:8.0f} ms CPU   {name}")


if __name__ == "__main__":
    main()
