"""A camera photo added in the runner (dropped in, as from a file manager): scaled down on this computer,
upright, its GPS and time kept, so that it always fits the server; a file that still cannot be sent is
refused when it is added, in words, and nothing of it is kept or queued."""

from __future__ import annotations

import io
import os

from PIL import Image

from rundun_desktop.executor import store as st
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import drop, drop_data, opened
from tests.desktop.executor.test_everyday import ONE_PHOTO, click, complete

GPS = {1: "N", 2: (52.0, 31.0, 12.0), 3: "E", 4: (13.0, 24.0, 18.0)}
TAKEN = "2026:05:22 08:31:00"


def camera_jpeg(path, width: int = 6000, height: int = 4000) -> int:
    """A camera's JPEG: noise (so it compresses as badly as a real scene), rotated by EXIF, GPS and time."""
    image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    exif = Image.Exif()
    exif[0x0112] = 6  # taken holding the camera upright: the viewer must turn it
    exif[0x0132] = TAKEN
    exif[0x8825] = GPS
    image.save(path, "JPEG", quality=97, exif=exif.tobytes())
    return path.stat().st_size


def local_photos(page, run_id: str) -> list[dict]:
    store = st.LocalStore(page.service.data_dir)
    try:
        return store.photos(run_id)
    finally:
        store.close()


def queued(page, run_id: str) -> list:
    store = st.LocalStore(page.service.data_dir)
    try:
        return store.ops(run_id)
    finally:
        store.close()


def test_a_30_mb_camera_photo_is_scaled_down_when_added_and_the_run_completes(
    page, org, aloop, qtbot, tmp_path
):
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    cards = page.runner.cards
    big = tmp_path / "DSC_0042.jpg"
    assert camera_jpeg(big) > 25 * 1024 * 1024
    drop(cards["s-pic"].photos, [big])
    wait_until(aloop, lambda: len(cards["s-pic"].photos.thumbs) == 1, 60)
    assert cards["s-pic"].problems.text() == ""
    [kept] = local_photos(page, run_id)
    assert kept["bytes"] <= 20 * 1024 * 1024
    with Image.open(kept["path"]) as image:
        assert image.size == (1707, 2560)  # longest side 2560, turned upright (portrait)
        exif = image.getexif()
        assert exif.get(0x0112, 1) == 1 and exif.get(0x0132) == TAKEN
        assert exif.get_ifd(0x8825) == GPS
    click(qtbot, cards["s-ok"].input.buttons[True])
    run(aloop, page.runner.settle())
    complete(qtbot, aloop, page)
    wait_until(aloop, lambda: "Completed and sent" in page.runner_view.banner.text(), 60)
    [sent] = org.run_doc(run_id)["answers"]["s-pic"]["photos"]
    assert sent["sha256"] == kept["sha256"] and sent["bytes"] == kept["bytes"]


def test_a_12_megapixel_image_dropped_from_another_app_is_encoded_while_the_window_keeps_turning(
    page, org, aloop, monkeypatch
):
    """An image dropped as data (from a browser or an image editor, not a file) was encoded on the GUI thread:
    260 ms for 12 megapixels, the window still. It is encoded on the worker thread now. The encoding here waits
    for the GUI thread to turn five times: on the GUI thread (before) it never could."""
    import threading

    from PySide6.QtCore import QMimeData, QTimer
    from PySide6.QtGui import QColor, QImage

    from rundun_desktop.executor import runner
    from rundun_desktop.executor.widgets import photos

    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    card = page.runner.cards["s-pic"]
    started, turned = threading.Event(), threading.Event()
    beats: list[int] = []
    encoded: list[bool] = []  # for each encoding: did the window turn while it waited?
    real = photos.encode_png

    def waiting_for_the_window(image: QImage) -> bytes:
        started.set()
        turned.wait(15)
        encoded.append(turned.is_set())
        return real(image)

    monkeypatch.setattr(photos, "encode_png", waiting_for_the_window)  # where it was called
    monkeypatch.setattr(runner, "encode_png", waiting_for_the_window, raising=False)  # where it is now

    def beat() -> None:
        if started.is_set():
            beats.append(1)
            if len(beats) >= 5:
                turned.set()

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    image = QImage(4000, 3000, QImage.Format.Format_RGB32)
    image.fill(QColor("#2f9e44"))
    mime = QMimeData()
    mime.setImageData(image)
    heartbeat.start()
    try:
        drop_data(card.photos, mime)
        wait_until(aloop, lambda: len(card.photos.thumbs) == 1, 60)
    finally:
        turned.set()
        heartbeat.stop()
    assert encoded == [True], "the window stood still while the dropped image was encoded"
    assert card.problems.text() == ""
    [kept] = local_photos(page, run_id)
    with Image.open(kept["path"]) as kept_image:
        assert kept_image.size == (2560, 1920)  # scaled down to the longest side the server is sent
    # Dropped as a PNG file's bytes (as another app offers it): kept as sent, decoded on the worker thread only.
    sent = io.BytesIO()
    Image.new("RGB", (3000, 2000), "#1971c2").save(sent, "PNG")
    png = QMimeData()
    png.setData("image/png", sent.getvalue())
    drop_data(card.photos, png)
    wait_until(aloop, lambda: len(card.photos.thumbs) == 2, 60)
    assert encoded == [True] and card.problems.text() == ""
    sizes = []
    for photo in local_photos(page, run_id):
        with Image.open(photo["path"]) as kept_image:
            sizes.append(kept_image.size)
    assert sorted(sizes) == [(2560, 1707), (2560, 1920)]


def test_a_photo_the_server_cannot_take_is_refused_when_added_in_words(page, org, aloop, tmp_path):
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    card = page.runner.cards["s-pic"]
    # A HEIC photo cannot be scaled here: at 31 MB it cannot be sent, and that is said now.
    heic = tmp_path / "IMG_1234.heic"
    heic.write_bytes(b"\x00\x00\x00\x18ftypheic" + b"\x00" * (31 * 1024 * 1024))
    drop(card.photos, [heic])
    wait_until(aloop, lambda: card.problems.text() != "", 20)
    assert card.problems.text() == "IMG_1234.heic: This photo is 31 MB; the server accepts up to 20 MB."
    # A file that is not an image the server takes is refused too, whatever its name says.
    fake = tmp_path / "notes.jpg"
    fake.write_bytes(b"%PDF-1.7 not a photo")
    drop(card.photos, [fake])
    wait_until(aloop, lambda: "not a photo the server takes" in card.problems.text(), 10)
    # An empty file says so: it was "not a photo the server takes", and the person looked at the photo.
    empty = tmp_path / "IMG_1235.jpg"
    empty.write_bytes(b"")
    drop(card.photos, [empty])
    wait_until(aloop, lambda: "not a photo" not in card.problems.text(), 10)
    assert card.problems.text() == (
        "IMG_1235.jpg: This file is empty (0 bytes): it holds no photo. Copy or save the photo again, then add it."
    )
    run(aloop, page.runner.settle())
    assert card.photos.thumbs == [] and local_photos(page, run_id) == [] and queued(page, run_id) == []
    assert list((page.service.data_dir / "photos").rglob("*.*")) == []


def test_the_server_limit_is_learnt_from_the_server(aloop, qtbot, tmp_path):
    """A server configured for smaller photos (RUNDUN_MAX_PHOTO_MB=1): a photo still over it after scaling
    is refused when added, naming that server's limit."""
    from rundun_desktop.api_client import ApiClient
    from rundun_desktop.embedded import EmbeddedServer, bootstrap
    from rundun_desktop.executor import ExecutorPage
    from tests.desktop.executor.conftest import FAST
    from tests.support.org import Org

    boot = bootstrap(tmp_path / "server")
    server = EmbeddedServer(tmp_path / "server", max_photo_mb=1)
    server.start()
    api = ApiClient(server.url, boot.api_key)
    page = ExecutorPage(api, data_dir=tmp_path / "exe", sync_config=FAST)
    qtbot.addWidget(page)
    page.show()
    org = Org(server.url, boot.api_key)
    try:
        run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
        card = page.runner.cards["s-pic"]
        big = tmp_path / "noise.jpg"
        camera_jpeg(big, 3000, 2000)
        run(aloop, page.runner.settle())  # the limit was asked when the run was shown
        drop(card.photos, [big])
        wait_until(aloop, lambda: card.problems.text() != "", 60)
        words = card.problems.text()
        assert words.startswith("noise.jpg: This photo is ") and words.endswith(
            "; the server accepts up to 1 MB."
        )
        assert local_photos(page, run_id) == []
        small = tmp_path / "small.jpg"
        buffer = io.BytesIO()
        Image.new("RGB", (640, 480), "#1864ab").save(buffer, "JPEG")
        small.write_bytes(buffer.getvalue())
        drop(card.photos, [small])
        wait_until(aloop, lambda: len(card.photos.thumbs) == 1, 20)
    finally:
        run(aloop, page.aclose())
        run(aloop, api.close())
        org.http.close()
        server.stop()


def test_each_photo_refused_of_several_added_at_once_is_named_on_its_own_line(page, org, aloop, tmp_path):
    """Four files added at once to a step of 2 photos at most: each refusal replaced the one before and none
    named its file. Now each refused file has its line: the one that is no photo, and the one left out."""
    from tests.desktop.executor_sim import image_bytes
    from tests.support.executor import every_type

    run_id = opened(aloop, page, org.dispatch(every_type()))
    card = page.runner.cards["s-photo"]
    files = {
        "p1.jpg": image_bytes("#1864ab"),
        "fake.jpg": b"%PDF-1.7 not a photo",
        "p2.jpg": image_bytes("#2b8a3e"),
        "p3.jpg": image_bytes("#e8590c"),
    }
    for name, data in files.items():
        (tmp_path / name).write_bytes(data)
    card.photos.files_added.emit([str(tmp_path / name) for name in files])
    wait_until(aloop, lambda: len(card.photos.thumbs) == 2 and card.problems.text(), 30)
    lines = card.problems.text().splitlines()
    assert len(lines) == 2, lines
    assert lines[0].startswith("fake.jpg: ") and "not a photo the server takes" in lines[0]
    assert lines[1] == "p3.jpg: This step takes at most 2 photos."
    assert len(local_photos(page, run_id)) == 2
