"""The browser runner on a phone (SPEC §11), in Debian's Chromium through Playwright, on the real server.

    .venv/bin/python bench/browser_runner.py [--photos 10] [--answers 100] [--rounds 5]

1. First load of a run link, with an empty cache: bytes transferred (compressed, as Chromium's network layer
   counts them through CDP), target ≤ 150 KB.
2. Time to interactive on DevTools' "Fast 3G" profile (CDP Network.emulateNetworkConditions: 562.5 ms latency,
   1.44 Mbit/s down, 675 kbit/s up): from navigation to the start button being usable, target ≤ 3 s.
3. A backlog made offline (`--answers` answers and `--photos` photos of about 3 MB) synced after going online,
   against the same answers through one `/sync` and the same photo bytes sent by tuspy (a plain tus client)
   in the same run; the ratio's target is ≤ 1.3×. `--rounds` backlogs are made and synced, each followed by
   its baseline; the median of the per-round ratios is reported (the machine's load moves single figures).
The figures move with the machine's load: say so with them.
"""

from __future__ import annotations

import argparse
import base64
import io
import statistics
import sys
import tempfile
import time
from pathlib import Path

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


def backlog(
    browser, server: ServerProcess, org: httpx.Client, answers: int, photos: int
) -> tuple[float, list[bytes]]:
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
        {"name": f"p{k}.jpg", "mimeType": "image/jpeg", "buffer": jpeg(2200, 1650, noise=True)}
        for k in range(photos)
    ]
    page.set_input_files("#s-pics-file", files=files)
    page.locator("#s-pics .thumb").nth(photos - 1).wait_for()
    page.wait_for_selector(f'#sync-status[data-waiting="{answers + photos}"]', state="attached")
    blobs = page.evaluate("""async () => {
      const db = await new Promise((ok) => { const r = indexedDB.open("rundun-runner"); r.onsuccess = () => ok(r.result); });
      const ops = await new Promise((ok) => { const r = db.transaction("outbox").objectStore("outbox").getAll(); r.onsuccess = () => ok(r.result); });
      const out = [];
      for (const op of ops) if (op.blob) { const b = new Uint8Array(await op.blob.arrayBuffer()); let s = ""; for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000)); out.push(btoa(s)); }
      return out;
    }""")
    page.evaluate(  # timestamps in the page: from the browser's `online` event to an empty outbox
        """() => { window.benchSync = {}; const status = document.getElementById("sync-status");
             addEventListener("online", () => { window.benchSync.online = performance.now(); });
             new MutationObserver(() => { if (status.dataset.waiting === "0" && window.benchSync.online)
               window.benchSync.empty ??= performance.now(); }).observe(status, { attributes: true }); }"""
    )
    context.set_offline(False)
    page.wait_for_function("() => window.benchSync.empty", timeout=600_000, polling=100)
    took = page.evaluate("() => (window.benchSync.empty - window.benchSync.online) / 1000")
    context.close()
    return took, [base64.b64decode(b) for b in blobs]


def plain_client(server: ServerProcess, org: httpx.Client, answers: int, photos: list[bytes]) -> float:
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
            metadata={"step_id": "s-pics", "photo_index": str(k)},
        )
        uploader.upload()
    return time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--photos", type=int, default=10)
    parser.add_argument("--answers", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
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
                took, blobs = backlog(browser, server, org, args.answers, args.photos)
                baseline = plain_client(server, org, args.answers, blobs)
                ratios.append(took / baseline)
                mb = sum(len(b) for b in blobs) / 1e6
                print(
                    f"backlog of {args.answers} answers + {len(blobs)} photos ({mb:.1f} MB): browser "
                    f"{took:.2f} s, plain tus client {baseline:.2f} s, ratio {took / baseline:.2f}x"
                )
            browser.close()
        print(f"median ratio of {len(ratios)} rounds: {statistics.median(ratios):.2f}x (target <= 1.3x)")
    finally:
        org.close()
        server.stop()


if __name__ == "__main__":
    main()
