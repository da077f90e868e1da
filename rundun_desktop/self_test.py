"""`rundun-desktop --self-test`: the whole product, end to end, headless, in a temporary data dir.

It starts the embedded server, creates a template, dispatches a run with a signed webhook to a receiver on
loopback, opens and fills the run through the offline executor's local store, lets the sync engine upload
answers, photos and the signature and complete the run, then checks the server's document, the webhook's
signature and the PDF report. Each check is printed; the exit status is 0 only when all pass. It uses the
same modules as the app (and works inside the PyInstaller bundle), so a broken bundle fails here.
"""

from __future__ import annotations

import asyncio
import hashlib
import hmac
import http.server
import json
import os
import struct
import sys
import tempfile
import threading
import time
import zlib
from pathlib import Path

WEBHOOK_SECRET = "whsec_self_test"
DEADLINE_S = 60.0


class Checks:
    """Prints each check as it passes; the first failure ends the test."""

    def __init__(self) -> None:
        self.started = time.monotonic()
        self.passed = 0

    def ok(self, what: str) -> None:
        self.passed += 1
        print(f"  ✓ {what}  ({time.monotonic() - self.started:.1f} s)", flush=True)

    def require(self, condition: bool, what: str) -> None:
        if not condition:
            raise SelfTestFailure(what)
        self.ok(what)


class SelfTestFailure(Exception):
    pass


def png(width: int, height: int, rgb: tuple[int, int, int]) -> bytes:
    """A small solid-colour PNG, written by hand so the test needs no image library."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" + bytes(rgb) * width
    return (
        b"\x89PNG\r\n\x1a\n"
        + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
        + chunk(b"IDAT", zlib.compress(row * height))
        + chunk(b"IEND", b"")
    )


class Receiver:
    """A webhook receiver on 127.0.0.1 that keeps every request's headers and raw body."""

    def __init__(self) -> None:
        received: list[tuple[dict[str, str], bytes]] = []
        self.received = received

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                received.append((dict(self.headers), body))
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hooks/rundun"

    def event(self, name: str) -> tuple[dict, bytes] | None:
        for headers, body in self.received:
            if json.loads(body)["event"] == name:
                return headers, body
        return None

    def close(self) -> None:
        self.server.shutdown()


def verify_signature(header: str, body: bytes, secret: str) -> bool:
    """Rundun-Signature (Stripe's scheme): `t=<unix>,v1=<hex HMAC-SHA256(secret, "<t>.<body>")>`."""
    parts = dict(item.split("=", 1) for item in header.split(","))
    expected = hmac.new(secret.encode(), f"{parts['t']}.".encode() + body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(expected, parts.get("v1", ""))


async def wait_for(predicate, timeout: float, interval: float = 0.05):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = await predicate()
        if value:
            return value
        await asyncio.sleep(interval)
    return None


def check_languages(checks: Checks) -> None:
    """Each language the app ships has its catalog and Qt's own (the file dialog's and standard buttons' words):
    a bundle that left Qt's out spoke English in every dialog Qt draws."""
    from rundun_desktop import i18n

    languages = i18n.shipped_languages()  # none in a bundle built without `make catalogs`: English alone
    lacking = [tag for tag in languages if i18n.load_qt_catalog(tag) is None]
    checks.require(
        not lacking,
        f"Qt's own words for {', '.join(languages) or 'no language but English'} (lacking: {lacking})",
    )


async def run_checks(home: Path, checks: Checks) -> None:
    from rundun_desktop.answers import photo_key
    from rundun_desktop.api_client import ApiClient
    from rundun_desktop.executor.protocol import ExecutorClient, new_http
    from rundun_desktop.executor.store import SIGNATURE_STEP, LocalStore, write_photo
    from rundun_desktop.executor.sync import SyncEngine
    from rundun_desktop.reports.pdf import photo_urls, write_run_pdf
    from rundun_desktop.resources import resource_path
    from rundun_desktop.server_process import ChildServer

    check_languages(checks)
    # The app's own server process (from the bundle: its executable with --embedded-server), first start.
    os.environ["RUNDUN_WEBHOOK_RETRY_SCHEDULE"] = "0.2,0.5,1"  # read by the server process
    server = ChildServer(home / "server")
    await asyncio.to_thread(server.start)
    receiver = Receiver()
    api = ApiClient(server.url, server.first_key)
    http_client = new_http()
    store = LocalStore(home / "executor")
    try:
        checks.require(
            server.first_key is not None and (await api.health())["status"] == "ok",
            "embedded server process started on loopback",
        )

        body = json.loads(resource_path("templates", "vehicle-pre-rental.json").read_text())
        template = await api.create_template(body)
        checks.require(template["v"] == 1, f"template created: {template['name']!r}")

        dispatched = await api.dispatch_run(
            {
                "template_id": template["id"],
                "executor_ref": "self-test",
                "expires_in_hours": 1,
                "webhook": {"url": receiver.url, "secret": WEBHOOK_SECRET},
            }
        )
        run_id = dispatched["run_id"]
        checks.require(dispatched["link"].endswith(f"/r/{run_id}"), f"run dispatched: {dispatched['link']}")

        executor = ExecutorClient(http_client)
        opened = await executor.open_run(server.url, run_id)
        store.add_run(server.url, opened, opened["executor_token"])
        checks.require(store.has_run(run_id), "run opened into the offline executor's local store")

        answers = {
            "s-od01": 42150,
            "s-fu01": "o-fu2",
            "s-dm01": True,
            "s-dm02": "Scratch, rear bumper",
            "s-cl01": 4,
        }
        for step_id, value in answers.items():
            store.set_answer(run_id, step_id, value)
        photo_bytes = png(64, 48, (220, 120, 60))
        store.add_photo(run_id, "s-dm02", write_photo(store.root, photo_bytes), index=0)
        store.add_photo(run_id, SIGNATURE_STEP, write_photo(store.root, png(120, 40, (20, 20, 20))), index=0)
        store.request_complete(run_id)
        checks.require(
            store.pending_totals()[0] >= len(answers) + 3, "answers, photo, signature and complete queued"
        )

        engine = SyncEngine(store.root)
        engine.start()
        try:
            drained = await engine.drain(20)
        finally:
            await engine.stop()
        checks.require(drained, "sync engine drained the outbox")

        run = await api.get_run(run_id)
        checks.require(run["status"] == "completed", "run completed on the server")
        checks.require(
            all(run["answers"][s]["value"] == v for s, v in answers.items()),
            "every answer stored once, as given",
        )
        photo_url = run["answers"]["s-dm02"]["photos"][0]["url"]
        checks.require(
            await api.fetch_bytes(photo_url) == photo_bytes, "photo served byte-identical (signed URL)"
        )

        async def completed_event():
            return receiver.event("run.completed")

        delivered = await wait_for(completed_event, 15)
        checks.require(delivered is not None, "run.completed webhook delivered")
        headers, raw = delivered
        checks.require(
            verify_signature(headers.get("Rundun-Signature", ""), raw, WEBHOOK_SECRET),
            "webhook signature verified",
        )
        checks.require(json.loads(raw)["data"]["executor_ref"] == "self-test", "webhook carries executor_ref")

        from PySide6.QtGui import QImage

        images = {}
        for url in photo_urls(run):
            image = QImage()
            image.loadFromData(await api.fetch_bytes(url))
            images[photo_key(url)] = image
        pdf = write_run_pdf(home / "report.pdf", run, images)
        data = pdf.read_bytes()
        checks.require(
            data.startswith(b"%PDF") and data.count(b"/Subtype /Image") >= 2, "PDF report with photos"
        )
    finally:
        store.close()
        await http_client.aclose()
        await api.close()
        receiver.close()
        server.stop()


def main() -> int:
    """Run the self-test; returns the process exit status."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # QImage and the PDF writer need it
    print("Rundun self-test", flush=True)
    checks = Checks()
    with tempfile.TemporaryDirectory(prefix="rundun-self-test-") as tmp:
        try:
            asyncio.run(asyncio.wait_for(run_checks(Path(tmp), checks), DEADLINE_S))
        except (SelfTestFailure, Exception) as exc:  # noqa: BLE001 - every failure is reported the same way
            print(f"  ✗ {exc.__class__.__name__}: {exc}", flush=True)
            print(f"FAILED after {checks.passed} checks", flush=True)
            return 1
    del app
    print(f"OK: {checks.passed} checks passed in {time.monotonic() - checks.started:.1f} s", flush=True)
    return 0
