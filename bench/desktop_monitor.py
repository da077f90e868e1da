"""The run monitor against a big server: first rows after opening, lazy paging to the end, memory.

    .venv/bin/python bench/desktop_monitor.py [--sizes 100000 1000000] [--scroll-seconds 60]

For each size a data dir is seeded once (bench/desktop_seed.py: the server's migrations, then bulk SQL) and
served by the real embedded server in-process, exactly as the app runs it. The real Runs page (view,
controller, model) is shown offscreen and:
- opened 7 times: time from `reload()` (what opening the page does) to the first rows painted; median;
- scrolled to the end the way a user drags the scrollbar to the bottom over and over: every time the view
  reaches the last row it calls `fetchMore`; we record pages, time, rows held by the model and RSS, until the
  end or `--scroll-seconds`;
- then the server's own cost is taken apart with direct SQL on the same database (count(*) and OFFSET,
  against a keyset query that an additive `after` cursor would allow).
Targets (issue): first rows ≤ 300 ms at 100k; 1M ≤ 1.2× the 100k time; bounded memory while scrolling.
"""

from __future__ import annotations

import argparse
import asyncio
import os
import sqlite3
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import httpx
import qasync
from desktop_seed import seeded_dir
from PySide6.QtWidgets import QApplication

from rundun_desktop.api_client import ApiClient
from rundun_desktop.app_events import AppEvents
from rundun_desktop.embedded import EmbeddedServer
from rundun_desktop.monitor.runs_controller import RunsController
from rundun_desktop.monitor.runs_view import RunsView
from rundun_desktop.style import apply_style

PAGE = 200  # the app's page size (the API's maximum per_page)
CACHE = 5000


def rss_mb() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


async def until(predicate, timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise TimeoutError
        await asyncio.sleep(0.0005)


async def measure(size: int, scroll_seconds: float) -> dict:
    data_dir, key = seeded_dir(size)
    server = EmbeddedServer(data_dir, rate_limit=1_000_000_000)
    server.start()
    api = ApiClient(server.url, key)
    view = RunsView()
    view.resize(1400, 900)
    controller = RunsController(api, AppEvents(), view, page_size=PAGE, max_cached_rows=CACHE)
    view.show()
    model = controller.model
    try:
        opens = []
        for i in range(8):
            started = time.perf_counter()
            controller.reload()
            await until(lambda: model.rowCount() > 0)
            view.table.viewport().repaint()  # the first rows are on screen, not just in the model
            if i:  # the first opening warms the connection and SQLite's cache
                opens.append(time.perf_counter() - started)
        first_rows = statistics.median(opens)
        server_ms = await asyncio.to_thread(server_first_page_ms, server.url, key)

        controller.reload()
        await until(lambda: model.rowCount() > 0)
        bar = view.table.verticalScrollBar()
        rss0, peak_rss, peak_cached, pages = rss_mb(), 0.0, 0, 0
        page_times: list[float] = []
        started = time.perf_counter()
        # The model pages by cursor and learns the total apart (or at the end): page until it has no more.
        while model.canFetchMore() and time.perf_counter() - started < scroll_seconds:
            before = model.rowCount()
            t = time.perf_counter()
            if bar.value() == bar.maximum():
                model.fetchMore()  # already at the bottom: what the view does on the next wheel turn
            else:
                bar.setValue(bar.maximum())  # the user drags to the bottom: the view calls fetchMore
            await until(lambda before=before: model.rowCount() > before, 120)
            page_times.append(time.perf_counter() - t)
            pages += 1
            view.table.viewport().repaint()
            peak_cached = max(peak_cached, model.cached_rows)
            if pages % 50 == 0:
                peak_rss = max(peak_rss, rss_mb())
        elapsed = time.perf_counter() - started
        peak_rss = max(peak_rss, rss_mb())
        return {
            "size": size,
            "first_rows_ms": first_rows * 1000,
            "first_rows_all_ms": [round(o * 1000, 1) for o in opens],
            "server_first_page_ms": server_ms,
            "scrolled_rows": model.rowCount(),
            "reached_end": not model.canFetchMore(),
            "pages": pages,
            "scroll_s": elapsed,
            "first_pages_ms": statistics.median(page_times[:20]) * 1000 if page_times else 0,
            "last_pages_ms": statistics.median(page_times[-20:]) * 1000 if page_times else 0,
            "peak_cached_rows": peak_cached,
            "rss_growth_mb": peak_rss - rss0,
            "sql": server_sql(data_dir / "rundun.db"),
        }
    finally:
        controller.shutdown()
        await api.close()
        await asyncio.to_thread(server.stop)


def server_first_page_ms(url: str, key: str) -> float:
    """The same first request from a plain HTTP client: the server's share of opening the page."""
    times = []
    with httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}) as http:
        for i in range(8):
            t = time.perf_counter()
            http.get(
                "/v1/runs",
                params={"page": 1, "per_page": PAGE, "sort": "-created_at", "include_total": "false"},
            ).raise_for_status()
            if i:
                times.append(time.perf_counter() - t)
    return statistics.median(times) * 1000


def server_sql(db: Path) -> dict:
    """What the list endpoint's queries cost on this database, and what a keyset cursor would cost."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    org = conn.execute("SELECT id FROM orgs").fetchone()[0]
    total = conn.execute("SELECT count(*) FROM runs").fetchone()[0]

    def timed(sql: str, params: tuple, repeat: int = 5) -> float:
        best = float("inf")
        for _ in range(repeat):
            t = time.perf_counter()
            conn.execute(sql, params).fetchall()
            best = min(best, time.perf_counter() - t)
        return best * 1000

    order = "ORDER BY created_at DESC, rowid DESC"
    deep = total - 200
    edge = conn.execute(
        f"SELECT created_at, rowid FROM runs WHERE org_id = ? {order} LIMIT 1 OFFSET ?", (org, deep)
    ).fetchone()
    return {
        "count_ms": timed("SELECT count(*) FROM (SELECT id FROM runs WHERE org_id = ?)", (org,)),
        "first_page_ms": timed(f"SELECT * FROM runs WHERE org_id = ? {order} LIMIT 100", (org,)),
        "last_page_offset_ms": timed(
            f"SELECT id FROM runs WHERE org_id = ? {order} LIMIT 100 OFFSET ?", (org, deep), 2
        ),
        "last_page_keyset_ms": timed(
            f"SELECT id FROM runs WHERE org_id = ? AND (created_at, rowid) < (?, ?) {order} LIMIT 100",
            (org, edge[0], edge[1]),
        ),
    }


async def run(sizes: list[int], scroll_seconds: float) -> None:
    apply_style(QApplication.instance())
    results = [await measure(n, scroll_seconds) for n in sizes]
    for r in results:
        s = r["sql"]
        print(f"\n{r['size']:,} runs")
        print(
            f"  first rows after opening: {r['first_rows_ms']:.0f} ms median (runs: {r['first_rows_all_ms']}); "
            f"the server alone answers that request in {r['server_first_page_ms']:.0f} ms"
        )
        end = "the end" if r["reached_end"] else f"{r['scrolled_rows']:,} rows (time budget)"
        print(
            f"  scrolled to {end}: {r['pages']} pages in {r['scroll_s']:.1f} s; a page took "
            f"{r['first_pages_ms']:.0f} ms at the top, {r['last_pages_ms']:.0f} ms at the deepest point"
        )
        print(
            f"  memory: at most {r['peak_cached_rows']:,} runs held by the model (cap {CACHE:,}); "
            f"process RSS +{r['rss_growth_mb']:.0f} MB (server included)"
        )
        print(
            f"  server SQL: count(*) {s['count_ms']:.1f} ms, first page {s['first_page_ms']:.1f} ms, "
            f"last page by OFFSET {s['last_page_offset_ms']:.1f} ms vs keyset {s['last_page_keyset_ms']:.2f} ms"
        )
    if len(results) >= 2:
        a, b = results[0], results[-1]
        ratio = b["first_rows_ms"] / a["first_rows_ms"]
        print(f"\nfirst rows, {b['size']:,} vs {a['size']:,}: {ratio:.2f}× (target ≤ 1.2×)")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--sizes", type=int, nargs="+", default=[100_000, 1_000_000])
    parser.add_argument("--scroll-seconds", type=float, default=60.0)
    args = parser.parse_args()
    QApplication.instance() or QApplication(sys.argv[:1])
    qasync.run(run(args.sizes, args.scroll_seconds))
    return 0


if __name__ == "__main__":
    sys.exit(main())
