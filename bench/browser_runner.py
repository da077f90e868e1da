"""The browser runner on a phone (SPEC §11), in Debian's Chromium through Playwright, on the real server.

    .venv/bin/python bench/browser_runner.py [--photos 10] [--answers 100] [--rounds 5]

1. First load of a run link, with an empty cache: bytes transferred (compressed, as Chromium's network layer
   counts them through CDP), target ≤ 150 KB.
2. Time to interactive on DevTools' "Fast 3G" profile (CDP Network.emulateNetworkConditions: 562.5 ms latency,
   1.44 Mbit/s down, 675 kbit/s up): from navigation to the start button being usable, target ≤ 3 s.
3. A backlog made offline (`--answers` answers and `--photos` photos of about 3 MB, as the phone encodes
   them) synced after going online, against the same answers through one `/sync` and the same photo bytes
   sent by tuspy (a plain tus client) in the same run; the ratio's target is ≤ 1.3×. The browser's time runs
   from the page's `online` event to the end of the server's answer to the last request (Resource Timing:
   the server had committed everything by then), not to the page's own bookkeeping; the plain client's from
   its first request to its last answer. Both sides end checked on the server: every answer, every photo with
   the SHA-256 of the bytes the phone prepared (each side sends it in Upload-Metadata; the server checks it).
   The browser's requests are counted by kind (`POST uploads` = tus creations, `PATCH upload`, `HEAD upload`,
   `POST sync`…): counts do not move with the load. `--rounds` backlogs are made and synced, each followed
   by its baseline while the phone's page waits idle (the page's garbage collected before either timing);
   the median of the per-round ratios is reported (the machine's load moves single figures).
The figures move with the machine's load: say so with them.
"""

from __future__ import annotations

import argparse
import base64
import hashlib
import io
import statistics
import sys
import tempfile
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from playwright.sync_api import sync_playwright
from tusclient import client as tus_client

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, PHONE, jpeg
from tests.support.server_process import ServerProcess, init_org

FAST_3G = {
    "offline": False,
    "latency": 562.5,
    "downloadThroughput": 1.44e6 / 8 * 0.9,
    "uploadThroughput": 675e3 / 8 * 0.9,
}
PHOTO_SIZE = (2450, 1840)  # camera noise: about 3 MB once the phone has encoded it (JPEG quality 0.85)


@dataclass
class Backlog:
    took: float  # seconds from the browser's `online` event to the server's last answer
    plain: float  # seconds the plain tus client took for the same
    blobs: list[bytes]  # the photos as the phone prepared them
    requests: Counter  # the browser's API requests by kind
    timeline: list[dict]  # each API request after `online`: path, start and end in ms from `online`


def template(answers: int, photos: int) -> dict:
    steps = [
        {"id": f"s-n{k}", "type": "number", "label": f"Reading {k}", "config": {"min": 0, "max": 1000}}
        for k in range(answers)
    ]
    steps.append(
        {"id": "s-pics", "type": "photo", "label": "Photos", "config": {"min": 1, "max": max(1, photos)}}
    )
    return {"name": "Bench", "sections": [{"id": "g-a", "title": "All", "steps": steps}]}


def dispatch(org: httpx.Client, body: dict) -> str:
    tid = org.post("/v1/templates", json=body).json()["id"]
    return org.post("/v1/runs", json={"template_id": tid}).json()["run_id"]


def first_load(browser, url: str) -> tuple[int, float]:
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    got = {"bytes": 0}
    cdp.on(
        "Network.loadingFinished",
        lambda e: got.__setitem__("bytes", got["bytes"] + int(e["encodedDataLength"])),
    )
    page.goto(url)
    page.locator("#start").wait_for()
    page.wait_for_timeout(500)
    context.close()
    context = browser.new_context(**PHONE)
    page = context.new_page()
    cdp = context.new_cdp_session(page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions", FAST_3G)
    started = time.perf_counter()
    page.goto(url, wait_until="commit")
    page.locator("#start").wait_for()
    tti = time.perf_counter() - started
    context.close()
    return got["bytes"], tti


# In the page: the browser's `online` event, and the Resource Timing of every API request made after it.
WATCH_SYNC = """() => { window.benchSync = {}; performance.setResourceTimingBufferSize(10000);
  addEventListener("online", () => { window.benchSync.online = performance.now(); }); }"""
REQUESTS_AFTER_ONLINE = """() => performance.getEntriesByType("resource")
  .filter((e) => e.startTime >= window.benchSync.online && new URL(e.name).pathname.startsWith("/v1/"))
  .map((e) => ({ path: new URL(e.name).pathname, start: e.startTime, end: e.responseEnd,
                 sent: e.encodedBodySize, online: window.benchSync.online }))"""
OUTBOX_BLOBS = """async () => {
  const db = await new Promise((ok) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); });
  const ops = await new Promise((ok) => { const r = db.transaction("outbox").objectStore("outbox").getAll(); r.onsuccess = () => ok(r.result); });
  const out = [];
  for (const op of ops) if (op.blob) { const b = new Uint8Array(await op.blob.arrayBuffer()); let s = "";
    for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000)); out.push(btoa(s)); }
  return out;
}"""


def request_kind(method: str, path: str) -> str:
    """A request as the counts name it: `POST uploads`, `PATCH upload`, `POST sync`, `GET state`…"""
    parts = path.rstrip("/").split("/")
    if "uploads" in parts:
        return f"{method} {'uploads' if parts[-1] == 'uploads' else 'upload'}"
    return f"{method} {parts[-1] if len(parts) > 4 else path}"


def check_on_server(org: httpx.Client, run_id: str, answers: int, photos: list[bytes]) -> None:
    """Both sides must end with the same on the server: every answer, every photo with its SHA-256."""
    doc = org.get(f"/v1/runs/{run_id}").json()
    got = {k: v["value"] for k, v in doc["answers"].items() if k.startswith("s-n")}
    assert got == {f"s-n{k}": k for k in range(answers)}, "answers missing on the server"
    stored = sorted(p["sha256"] for p in doc["answers"]["s-pics"]["photos"])
    assert stored == sorted(hashlib.sha256(b).hexdigest() for b in photos), "photos missing on the server"


def backlog(
    browser,
    server: ServerProcess,
    org: httpx.Client,
    answers: int,
    photos: int,
    baseline: Callable[[list[bytes]], float],
) -> Backlog:
    """The browser's backlog synced, then `baseline` (the plain client) run on the same photos."""
    run_id = dispatch(org, template(answers, photos))
    context = browser.new_context(**PHONE)
    page = context.new_page()
    page.goto(f"{server.url}/r/{run_id}")
    page.click("#start")
    page.locator("#progress-text").wait_for()
    context.set_offline(True)
    page.evaluate(  # one change event per field, as a person typing and leaving it would send
        """(n) => { for (let k = 0; k < n; k++) { const input = document.getElementById(`s-n${k}-input`);
             input.value = String(k); input.dispatchEvent(new Event("change")); } }""",
        answers,
    )
    page.wait_for_selector(f'#sync-status[data-waiting="{answers}"]', state="attached")
    files = [
        {"name": f"p{k}.jpg", "mimeType": "image/jpeg", "buffer": jpeg(*PHOTO_SIZE, noise=True)}
        for k in range(photos)
    ]
    page.set_input_files("#s-pics-file", files=files)
    page.locator("#s-pics .thumb").nth(photos - 1).wait_for()
    page.wait_for_selector(f'#sync-status[data-waiting="{answers + photos}"]', state="attached")
    blobs = [base64.b64decode(b) for b in page.evaluate(OUTBOX_BLOBS)]
    # Reading the photos out made ~40 MB of strings in the page: collected now, not during either timing.
    context.new_cdp_session(page).send("HeapProfiler.collectGarbage")
    page.evaluate(WATCH_SYNC)
    methods: list[tuple[str, str]] = []
    context.on("request", lambda r: methods.append((r.method, urlsplit(r.url).path)))
    context.set_offline(False)
    page.wait_for_selector('#sync-status[data-waiting="0"]', state="attached", timeout=600_000)
    timeline = page.evaluate(REQUESTS_AFTER_ONLINE)
    plain = baseline(blobs)  # while the phone's page waits idle (closing it costs CPU too)
    context.close()
    check_on_server(org, run_id, answers, blobs)
    # Until the server's answer to the last request: it had committed everything by then.
    took = (max(e["end"] for e in timeline) - timeline[0]["online"]) / 1000
    counts = Counter(request_kind(m, p) for m, p in methods if p.startswith("/v1/"))
    for entry in timeline:
        entry["start"], entry["end"] = entry["start"] - entry["online"], entry["end"] - entry["online"]
    return Backlog(took, plain, blobs, counts, timeline)


def plain_client(server: ServerProcess, org: httpx.Client, answers: int, photos: list[bytes]) -> float:
    """The same answers in one `/sync` and the same photos, one after the other, by tuspy (creation, then
    one PATCH of the whole file), each with its SHA-256 in Upload-Metadata for the server to check, as the
    browser sends them."""
    run_id = dispatch(org, template(answers, len(photos)))
    token = httpx.post(f"{server.url}/v1/runs/{run_id}/open", json={}).json()["executor_token"]
    auth = {"Authorization": f"Bearer {token}"}
    started = time.perf_counter()
    ops = [
        {"op_id": f"op-{k}", "step_id": f"s-n{k}", "value": k, "at": "2026-05-22T08:00:00Z"}
        for k in range(answers)
    ]
    assert (
        httpx.post(
            f"{server.url}/v1/runs/{run_id}/sync", json={"ops": ops}, headers=auth, timeout=60
        ).status_code
        == 200
    )
    client = tus_client.TusClient(f"{server.url}/v1/runs/{run_id}/uploads/", headers=auth)
    for k, data in enumerate(photos):
        uploader = client.uploader(
            file_stream=io.BytesIO(data),
            chunk_size=len(data),
            metadata={
                "step_id": "s-pics",
                "photo_index": str(k),
                "sha256": hashlib.sha256(data).hexdigest(),
            },
        )
        uploader.upload()
    took = time.perf_counter() - started
    check_on_server(org, run_id, answers, photos)
    return took


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument(
        "--timeline", action="store_true", help="print each round's API requests, ms from `online`"
    )
    args = parser.parse_args()
    data_dir = Path(tempfile.mkdtemp(prefix="rundun-bench-browser-"))
    key = init_org(data_dir)
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "1000000"}).start()
    org = httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60)
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            run_id = dispatch(org, template(5, 1))
            sent, tti = first_load(browser, f"{server.url}/r/{run_id}")
            print(f"first load: {sent / 1024:.1f} KB transferred (target <= 150 KB)")
            print(f"time to interactive on Fast 3G: {tti:.2f} s (target <= 3 s)")
            ratios = []
            for _ in range(args.rounds):
                synced = backlog(
                    browser,
                    server,
                    org,
                    args.answers,
                    args.photos,
                    lambda blobs: plain_client(server, org, args.answers, blobs),
                )
                baseline = synced.plain
                ratios.append(synced.took / baseline)
                mb = sum(len(b) for b in synced.blobs) / 1e6
                requests = ", ".join(f"{kind} {n}" for kind, n in sorted(synced.requests.items()))
                print(
                    f"backlog of {args.answers} answers + {len(synced.blobs)} photos ({mb:.1f} MB): browser "
                    f"{synced.took:.2f} s, plain tus client {baseline:.2f} s, ratio "
                    f"{synced.took / baseline:.2f}x; browser requests: {requests}"
                )
                for e in synced.timeline if args.timeline else []:
                    print(f"  {e['start']:7.1f} {e['end']:7.1f} ms  {e['path'].split('/', 4)[-1]}")
            browser.close()
        print(f"median ratio of {len(ratios)} rounds: {statistics.median(ratios):.2f}x (target <= 1.3x)")
    finally:
        org.close()
        server.stop()


if __name__ == "__main__":
    main()
