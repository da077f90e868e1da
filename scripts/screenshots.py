"""Render each main screen of the desktop app to PNG (docs/screenshots/) for the README.

Runs offscreen against a fresh embedded server seeded with sample templates, runs at every stage (answered
through the real executor protocol, with photos, GPS and signatures), webhook deliveries, keys and members.

    QT_QPA_PLATFORM=offscreen .venv/bin/python scripts/screenshots.py [--out docs/screenshots] [--only translations]

`--dark --size 1024x700` renders every screen in the dark scheme at the smallest window the app is designed for
(to look at each picture for what is unreadable; tests/desktop/test_dark_scheme.py checks the colours).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, HTTPServer
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ["RUNDUN_DESKTOP_KEYRING"] = "0"
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

import httpx
import qasync
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QImage, QLinearGradient, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import QApplication, QWidget

from rundun_desktop.desktop_app import DesktopApp
from rundun_desktop.paths import AppPaths
from rundun_desktop.style import apply_style

TEMPLATES = ROOT / "resources" / "templates"


def now() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime())


def picture(seed: int, label: str, size=(640, 480), fmt="JPG") -> bytes:
    """A sample 'photo': a sky-to-ground gradient, a car-ish silhouette and a caption."""
    w, h = size
    image = QImage(w, h, QImage.Format.Format_RGB32)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    hues = [(205, 150), (30, 160), (140, 120), (265, 110), (5, 140)]
    hue, sat = hues[seed % len(hues)]
    sky = QLinearGradient(0, 0, 0, h)
    sky.setColorAt(0, QColor.fromHsv(hue, sat // 2, 250))
    sky.setColorAt(0.65, QColor.fromHsv(hue, sat, 200))
    sky.setColorAt(1, QColor.fromHsv(hue, sat, 90))
    painter.fillRect(0, 0, w, h, sky)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(30, 35, 50, 220))
    body = QPainterPath()
    body.addRoundedRect(QRectF(w * 0.18, h * 0.52, w * 0.64, h * 0.16), 18, 18)
    body.addRoundedRect(QRectF(w * 0.3, h * 0.4, w * 0.36, h * 0.16), 22, 22)
    painter.drawPath(body.simplified())
    painter.setBrush(QColor(15, 15, 20))
    for x in (0.3, 0.7):
        painter.drawEllipse(QPointF(w * x, h * 0.68), h * 0.07, h * 0.07)
    painter.setPen(QPen(QColor("#ffffff")))
    font = QFont()
    font.setPixelSize(max(12, h // 16))
    font.setBold(True)
    painter.setFont(font)
    painter.drawText(QRectF(0, h * 0.82, w, h * 0.15), Qt.AlignmentFlag.AlignCenter, label)
    painter.end()
    return _encode(image, fmt)


def signature_png() -> bytes:
    image = QImage(420, 150, QImage.Format.Format_ARGB32)
    image.fill(QColor("#ffffff"))
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    painter.setPen(QPen(QColor("#1c2333"), 4, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
    path = QPainterPath(QPointF(30, 100))
    path.cubicTo(70, 10, 110, 140, 150, 70)
    path.cubicTo(180, 20, 200, 120, 240, 80)
    path.cubicTo(270, 50, 300, 110, 390, 60)
    painter.drawPath(path)
    painter.end()
    return _encode(image, "PNG")


def _encode(image: QImage, fmt: str) -> bytes:
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, fmt, 85)
    return bytes(data.data())


class _Receiver(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(204)
        self.end_headers()

    def log_message(self, *args):
        pass


def webhook_receiver() -> str:
    server = HTTPServer(("127.0.0.1", 0), _Receiver)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return f"http://127.0.0.1:{server.server_port}/hooks/rundun"


class Executor:
    def __init__(self, http: httpx.AsyncClient, run_id: str):
        self.http, self.run_id, self.headers = http, run_id, {}

    async def open(self, **identity):
        r = await self.http.post(f"/v1/runs/{self.run_id}/open", json=identity)
        r.raise_for_status()
        self.headers = {"Authorization": f"Bearer {r.json()['executor_token']}"}

    async def answer(self, step, value, geo=None):
        body = {"value": value, "at": now(), **({"geo": geo} if geo else {})}
        (
            await self.http.put(f"/v1/runs/{self.run_id}/answers/{step}", json=body, headers=self.headers)
        ).raise_for_status()

    async def photo(self, step, index, data, kind="image/jpeg"):
        url = f"/v1/runs/{self.run_id}/answers/{step}/photos/{index}"
        (
            await self.http.put(url, content=data, headers={**self.headers, "Content-Type": kind})
        ).raise_for_status()

    async def sign(self):
        url = f"/v1/runs/{self.run_id}/signature"
        (
            await self.http.put(
                url, content=signature_png(), headers={**self.headers, "Content-Type": "image/png"}
            )
        ).raise_for_status()

    async def complete(self):
        (
            await self.http.post(f"/v1/runs/{self.run_id}/complete", json={"at": now()}, headers=self.headers)
        ).raise_for_status()


async def seed(app: DesktopApp) -> str:
    """Sample data; returns the run to show in the detail panel."""
    api = app.api
    await api.patch_org({"name": "Harbour Car Rentals"})
    vehicle = await api.create_template(json.loads((TEMPLATES / "vehicle-pre-rental.json").read_text()))
    turnover = await api.create_template(json.loads((TEMPLATES / "str-turnover.json").read_text()))
    hook = webhook_receiver()
    people = [
        ("Jane Smith", "jane@harbour.example"),
        ("Omar Haddad", "omar@harbour.example"),
        ("Lena Fischer", "lena@harbour.example"),
    ]
    for name, email in people:
        await api.create_member(name, email)
    await api.create_api_key("Booking system")
    await api.create_api_key("Fleet dashboard")
    executor = httpx.AsyncClient(base_url=api.base_url, timeout=20)
    featured = None
    plan = [
        ("vehicle", "BK-20931", "complete"),
        ("turnover", "APT-12 Harbour View", "complete"),
        ("vehicle", "BK-20932", "progress"),
        ("vehicle", "BK-20933", "open"),
        ("turnover", "APT-7 Old Town", "pending"),
        ("vehicle", "BK-20934", "cancel"),
        ("vehicle", "BK-20935", "complete"),
        ("turnover", "APT-3 Marina", "progress"),
        ("vehicle", "BK-20936", "pending"),
        ("vehicle", "BK-20937", "pending"),
        ("turnover", "APT-9 Riverside", "complete"),
        ("vehicle", "BK-20938", "featured"),
    ]
    for i, (kind, ref, stage) in enumerate(plan):
        template = vehicle if kind == "vehicle" else turnover
        body = {"template_id": template["id"], "executor_ref": ref, "expires_in_hours": 24 + 12 * i}
        if i % 3 == 0 or stage == "featured":
            body["webhook"] = {"url": hook, "secret": "whsec_demo", "events": ["run.opened", "run.completed"]}
        run_id = (await api.dispatch_run(body))["run_id"]
        if stage == "pending":
            continue
        if stage == "cancel":
            await api.cancel_run(run_id)
            continue
        ex = Executor(executor, run_id)
        await ex.open()
        if stage in ("progress", "featured"):  # what the executor's device still holds (SPEC §10)
            held = (
                "pending-ops=2; pending-bytes=14680064"
                if stage == "progress"
                else "pending-ops=0; pending-bytes=0"
            )
            device = {**ex.headers, "Rundun-Device": f"{held}; failed-ops=0; app=rundun-desktop/1.0"}
            (await executor.get(f"/v1/runs/{run_id}/state", headers=device)).raise_for_status()
        if kind == "vehicle":
            if (
                stage == "featured"
            ):  # an earlier reading, then one from a device with an older clock: it loses
                await ex.answer("s-od01", 42100)
                stale = {"value": 41990, "at": "2026-01-01T08:00:00Z"}
                await executor.put(f"/v1/runs/{run_id}/answers/s-od01", json=stale, headers=ex.headers)
            await ex.answer(
                "s-od01", 42150 + 97 * i, geo={"lat": 51.5072 + i / 1000, "lng": -0.1276, "accuracy_m": 6}
            )
            if stage == "open":
                continue
            await ex.answer("s-fu01", ["o-fu1", "o-fu2", "o-fu3"][i % 3])
            if stage == "progress":
                continue
            damaged = stage == "featured" or i % 2 == 0
            await ex.answer("s-dm01", damaged)
            if damaged:
                await ex.answer("s-dm02", "Scratch on the rear bumper, 10 cm, passenger side.")
                await ex.photo("s-dm02", 0, picture(i, "Rear bumper"))
                await ex.photo("s-dm02", 1, picture(i + 1, "Close-up"))
            await ex.answer("s-cl01", 4 + i % 2)
            await ex.photo("s-cl01", 0, picture(i + 2, "Interior"))
            await ex.sign()
        else:
            turnover_doc = json.loads((TEMPLATES / "str-turnover.json").read_text())
            for section in turnover_doc["sections"]:
                for step in section["steps"]:
                    if stage == "progress" and section is not turnover_doc["sections"][0]:
                        break
                    if step["type"] == "boolean":
                        await ex.answer(step["id"], True)
                    if step["type"] == "photo" or step.get("photo"):
                        await ex.photo(step["id"], 0, picture(i + len(step["id"]), section["title"]))
            if stage == "progress":
                continue
        await ex.complete()
        if stage == "featured":
            featured = run_id
    await executor.aclose()
    return featured or run_id


# The vehicle check in German (all but five texts) and Arabic (a start): the editor's translation table.
GERMAN = {
    "name": "Fahrzeugprüfung vor der Vermietung",
    "description": "Zustandsprüfung vor der Schlüsselübergabe",
    "g-ext1.title": "Außen",
    "s-od01.label": "Kilometerstand",
    "s-fu01.label": "Tankfüllung",
    "o-fu1": "Voll",
    "s-dm01.label": "Vorhandene Schäden?",
    "s-dm01.true_label": "Ja",
    "s-dm01.false_label": "Nein",
    "s-dm02.label": "Schaden beschreiben",
    "s-dm02.placeholder": "Stelle und Beschreibung",
    "g-int1.title": "Innenraum",
    "s-cl01.label": "Sauberkeit innen",
    "s-cl01.low_label": "Sehr schmutzig",
}
ARABIC = {"name": "فحص المركبة قبل التأجير", "g-ext1.title": "الخارج", "s-od01.label": "قراءة عداد المسافات"}


async def shoot_translations(app: DesktopApp, out: Path) -> None:
    """The editor's Translations tab on a template in three languages, at the smallest window (1024×700)."""
    body = json.loads((TEMPLATES / "vehicle-pre-rental.json").read_text(encoding="utf-8"))
    body.update(name="Vehicle check (3 languages)", languages=["en", "de", "ar"])
    body["translations"] = {"de": GERMAN, "ar": ARABIC}
    created = await app.api.create_template(body)
    window = app.window
    window.view.resize(1024, 700)
    window.show_page("templates")
    templates_page = window.templates_page.ensure()
    await templates_page.open(created["id"])
    editor_view = templates_page.editor_view
    editor_view.middle.setCurrentWidget(editor_view.translations)
    await asyncio.sleep(1.0)  # validation and the live preview refresh after a short pause
    save(window.view, out / "editor-translations.png")
    window.view.resize(1600, 940)


async def shoot(
    out: Path, only: str | None = None, dark: bool = False, size: tuple[int, int] = (1600, 940)
) -> None:
    app_qt = QApplication.instance()
    apply_style(app_qt)
    if dark:
        from rundun_desktop.style import stylesheet
        from rundun_desktop.theme import apply_scheme

        apply_scheme(app_qt, Qt.ColorScheme.Dark, stylesheet())
    home = Path(tempfile.mkdtemp(prefix="rundun-shots-"))
    app = DesktopApp(AppPaths.under(home), use_keyring=False)
    app.window.view.resize(*size)
    await app.start()
    if only == "translations":
        await shoot_translations(app, out)
        await app.close()
        return
    featured = await seed(app)
    await app.connection.check()
    await asyncio.sleep(1.0)
    window = app.window
    runs = window.runs
    runs.reload()
    await _until(lambda: runs.model.row_of(featured) is not None)
    done = asyncio.Event()
    runs.detail.photos_loaded.connect(lambda _rid: done.set())
    runs.select_run(featured)
    await asyncio.wait_for(done.wait(), 20)
    await asyncio.sleep(0.8)  # webhook deliveries settle
    await runs.detail.refresh()
    await asyncio.wait_for(done.wait(), 20)
    await asyncio.sleep(0.3)
    save(window.view, out / "runs.png")
    save(window.runs_view.detail.widget(), out / "run-detail.png")  # the whole panel, scrolled or not

    # The dashboard at the smallest window it is designed for, on the featured run's template.
    window.view.resize(1024, 700)
    window.show_page("dashboard")
    dashboard = window.dashboard
    await _until(lambda: dashboard.template_count is not None and dashboard.refreshes > 0)
    featured_template = (await app.api.get_run(featured))["template_id"]
    await _until(lambda: dashboard.view.template.findData(featured_template) >= 0)
    before = dashboard.refreshes
    dashboard.view.template.setCurrentIndex(dashboard.view.template.findData(featured_template))
    await _until(lambda: dashboard.refreshes > before and dashboard.template_doc is not None)
    await asyncio.sleep(0.3)
    save(window.view, out / "dashboard.png")
    window.view.resize(*size)
    window.show_page("runs")

    dialog = runs.open_dispatch()
    await _until(lambda: dialog.view.template.count() > 0 and dialog.view.dispatch_button.isEnabled())
    dialog.view.executor_ref.setText("BK-20940")
    save(dialog.view, out / "dispatch-form.png")
    await dialog.dispatch()
    await asyncio.sleep(0.2)
    save(dialog.view, out / "dispatch-link.png")
    dialog.view.accept()

    window.show_page("settings")
    await window.settings.reload()
    await asyncio.sleep(0.3)
    save(window.view, out / "settings-plan.png")
    window.settings_view.tabs.setCurrentIndex(1)
    window.settings_view.key_name.setText("Zapier")
    await window.settings.create_key()
    await asyncio.sleep(0.2)
    save(window.view, out / "settings-keys.png")
    window.settings_view.tabs.setCurrentIndex(2)
    save(window.view, out / "settings-members.png")
    window.settings_view.tabs.setCurrentIndex(3)
    save(window.view, out / "settings-connection.png")
    for key in ("templates", "executor"):
        window.show_page(key)
        await asyncio.sleep(0.3)
        save(window.view, out / f"{key}.png")
    # The executor filling a run: a pending run's link, opened into the local store.
    pending = (await app.api.list_runs(status="pending", template_id=None))["data"][0]
    executor_page = window.executor_page.ensure()
    window.show_page("executor")
    run_id = await executor_page.open_link(f"{app.api.base_url}/r/{pending['run_id']}")
    if run_id:
        await executor_page.show_run(run_id)
    await asyncio.sleep(0.5)
    save(window.view, out / "executor-runner.png")
    # The editor, with the reference vehicle inspection open (its condition shown in words in the tree).
    window.show_page("templates")
    templates_page = window.templates_page.ensure()
    listed = await app.api.list_templates(q="Vehicle pre-rental")
    await templates_page.open(listed["data"][0]["id"])
    await asyncio.sleep(1.0)  # validation and the live preview refresh after a short pause
    save(window.view, out / "editor.png")
    await shoot_translations(app, out)
    print("closing", flush=True)
    await app.close()
    print("closed", flush=True)


async def _until(predicate, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError("the screen did not get ready")
        await asyncio.sleep(0.05)


def save(widget: QWidget, path: Path) -> None:
    widget.grab().save(str(path))
    print(f"wrote {path}")


def main() -> int:
    import faulthandler

    faulthandler.dump_traceback_later(100, exit=True)
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", choices=["translations"], help="render only this screen")
    parser.add_argument("--dark", action="store_true", help="in the dark scheme")
    parser.add_argument("--size", default="1600x940", help="the window's size, WIDTHxHEIGHT")
    args = parser.parse_args()
    size = tuple(int(n) for n in args.size.split("x"))
    args.out.mkdir(parents=True, exist_ok=True)
    QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(shoot(args.out, args.only, args.dark, size))
    return 0


if __name__ == "__main__":
    sys.exit(main())
