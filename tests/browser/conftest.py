"""The browser runner's tests: Debian's Chromium (`make test` installs it) driven by Playwright, on a phone
viewport, against one real `rundun-server` process. One browser and one server for the package (starting either
costs seconds on a busy machine); every test gets a fresh browser context, so its IndexedDB, caches and
service worker are its own."""

from __future__ import annotations

import io
import os
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.support.receiver import Receiver
from tests.support.server_process import ServerProcess, init_org

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
]
PHONE = {
    "viewport": {"width": 393, "height": 851},
    "device_scale_factor": 2.75,
    "is_mobile": True,
    "has_touch": True,
    "user_agent": "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) "
    "Chrome/126.0 Mobile Safari/537.36",
}
SECRET = "whsec_browser_secret"
WAIT_MS = 60_000  # generous: the machine running the suite may be busy

pytestmark = pytest.mark.e2e


@dataclass
class Live:
    """The server, the org's HTTP client and the webhook receiver that the browser tests share."""

    server: ServerProcess
    org: httpx.Client
    receiver: Receiver

    @property
    def url(self) -> str:
        return self.server.url

    def dispatch(self, template: dict, *, webhook: bool = True) -> str:
        """Create the template and dispatch one run of it; returns the run id."""
        r = self.org.post("/v1/templates", json=template)
        assert r.status_code == 201, r.text
        body: dict = {"template_id": r.json()["id"], "executor_ref": "browser"}
        if webhook:
            body["webhook"] = {"url": self.receiver.url(), "secret": SECRET}
        r = self.org.post("/v1/runs", json=body)
        assert r.status_code == 201, r.text
        return r.json()["run_id"]


@pytest.fixture(scope="package")
def live(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Live]:
    data_dir = tmp_path_factory.mktemp("browser-server")
    key = init_org(data_dir)
    env = {
        "RUNDUN_RATE_LIMIT": "100000",
        "RUNDUN_WEBHOOK_ALLOW_PRIVATE": "1",
        "RUNDUN_WEBHOOK_RETRY_SCHEDULE": "0.2,0.5,1",
    }
    server = ServerProcess(data_dir, env=env).start()
    receiver = Receiver().start()
    org = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30)
    try:
        yield Live(server, org, receiver)
    finally:
        org.close()
        receiver.stop()
        server.stop()


@pytest.fixture(scope="package")
def browser() -> Iterator:
    if not Path(CHROMIUM).exists():  # `make test` installs it (SYSTEM_PACKAGES in the Makefile)
        pytest.fail(f"{CHROMIUM} is missing: run `sh scripts/system_packages.sh chromium`")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture
def phone(browser) -> Iterator:
    """A fresh phone-sized context (its own storage and service worker)."""
    context = browser.new_context(**PHONE)
    context.set_default_timeout(WAIT_MS)
    try:
        yield context
    finally:
        context.close()


def jpeg(width: int = 1200, height: int = 900, *, orientation: int = 1, noise: bool = False) -> bytes:
    """A camera-like JPEG; `orientation` writes the EXIF tag a phone camera writes for a turned picture."""
    from PIL import Image

    if noise:
        image = Image.frombytes("RGB", (width, height), os.urandom(width * height * 3))
    else:
        image = Image.new("RGB", (width, height), (40, 120, 200))
        image.paste((220, 60, 30), (0, 0, width // 3, height // 3))
    exif = Image.Exif()
    exif[0x0112] = orientation
    out = io.BytesIO()
    image.save(out, "JPEG", quality=92, exif=exif.tobytes())
    return out.getvalue()


def axe_source() -> str:
    """axe-core's released build, vendored for the tests only (tests/browser/vendor, with its licence)."""
    return (Path(__file__).parent / "vendor" / "axe-core-4.10.3" / "axe.min.js").read_text()
