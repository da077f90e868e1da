"""Response times of the supervisor's read endpoints on a big organisation (seeded by `bench/fleet_seed.py`):
the run list (first page, filters, sorts, deep pages by number and by cursor), the year's and a busy
template's stats, the templates list, the keys, a CSV export. Median of a few calls each, in ms.

    .venv/bin/python bench/fleet_api_times.py URL KEY [REPEATS]
"""

from __future__ import annotations

import statistics
import sys
import time
from datetime import UTC, datetime, timedelta

import httpx


def timed(
    api: httpx.Client, path: str, params: dict | None = None, repeats: int = 3
) -> tuple[float, httpx.Response]:
    times, response = [], None
    for _ in range(repeats):
        started = time.perf_counter()
        response = api.get(path, params=params)
        times.append((time.perf_counter() - started) * 1000)
        response.raise_for_status()
    assert response is not None
    return statistics.median(times), response


def check_paging(api: httpx.Client, sort: str, total: int) -> str:
    """Every run once, in order, walking every page of `sort` by cursor (what scrolling to the end does)."""
    column, descending = sort.lstrip("-"), sort.startswith("-")
    seen: list[dict] = []
    params: dict = {"per_page": 200, "include_total": "false", "sort": sort}
    while True:
        page = api.get("/v1/runs", params=params).json()
        seen += page["data"]
        cursor = page["pagination"]["next_cursor"]
        if not cursor:
            break
        params["after"] = cursor
    ids = [run["run_id"] for run in seen]
    keys = [run.get(column) for run in seen]
    present = [k for k in keys if k is not None]
    ordered = present == sorted(present, reverse=descending)
    problems = []
    if len(ids) != total:
        problems.append(f"{len(ids)} rows for a total of {total}")
    if len(set(ids)) != len(ids):
        problems.append(f"{len(ids) - len(set(ids))} repeated")
    if not ordered:
        problems.append("out of order")
    return "; ".join(problems) or f"ok ({len(ids)} rows)"


def main(url: str, key: str, repeats: int) -> None:
    api = httpx.Client(base_url=url, headers={"Authorization": f"Bearer {key}"}, timeout=300)
    today = datetime.now(UTC).date()
    year_ago = (today - timedelta(days=364)).isoformat()
    rows: list[tuple[str, float, str]] = []

    def row(name: str, path: str, params: dict | None = None) -> httpx.Response:
        ms, response = timed(api, path, params, repeats)
        rows.append((name, ms, f"{len(response.content) / 1024:.0f} KiB"))
        return response

    first = row("runs: first page of 50", "/v1/runs", {"per_page": 50}).json()
    total = first["pagination"]["total"]
    row("runs: first page, no total", "/v1/runs", {"per_page": 50, "include_total": "false"})
    row("runs: last page by number", "/v1/runs", {"per_page": 50, "page": max(1, (total + 49) // 50)})
    cursor, pages, started = None, 0, time.perf_counter()
    while True:
        params = {"per_page": 200, "include_total": "false"}
        if cursor:
            params["after"] = cursor
        page = api.get("/v1/runs", params=params).json()
        pages += 1
        cursor = page["pagination"]["next_cursor"]
        if not cursor:
            break
    rows.append((f"runs: all {pages} pages of 200 by cursor", (time.perf_counter() - started) * 1000, ""))
    for status in ("completed", "in_progress", "expired"):
        row(f"runs: status={status}", "/v1/runs", {"per_page": 50, "status": status})
    row("runs: flagged=true", "/v1/runs", {"per_page": 50, "flagged": "true"})
    busy = first["data"][0]["template_id"]
    for sort in ("executor_ref", "-updated_at", "status", "-expires_at"):
        row(f"runs: sort={sort}", "/v1/runs", {"per_page": 50, "sort": sort})
    row("runs: executor_ref=driver-0001", "/v1/runs", {"per_page": 50, "executor_ref": "driver-0001"})
    row("runs: template_id (busy)", "/v1/runs", {"per_page": 50, "template_id": busy})
    row("stats: year by day", "/v1/stats/runs", {"from": year_ago, "to": today.isoformat()})
    row(
        "stats: year by week", "/v1/stats/runs", {"from": year_ago, "to": today.isoformat(), "bucket": "week"}
    )
    row(
        "stats: busy template, year",
        f"/v1/templates/{busy}/stats",
        {"from": year_ago, "to": today.isoformat()},
    )
    row("stats: busy template v1, year", f"/v1/templates/{busy}/stats", {"v": "1", "from": year_ago})
    row("templates: first page", "/v1/templates", {"per_page": 50})
    row("templates: search 'van'", "/v1/templates", {"q": "van", "per_page": 50})
    row("templates: busy one's versions", f"/v1/templates/{busy}/versions")
    row("api keys", "/v1/api-keys")
    row("csv: busy template, all versions", f"/v1/templates/{busy}/runs.csv")
    print(f"{total} runs")
    for sort in (
        "-created_at",
        "created_at",
        "-updated_at",
        "status",
        "-status",
        "executor_ref",
        "-expires_at",
    ):
        print(f"{'paging by cursor, sort=' + sort:45s} {check_paging(api, sort, total)}")
    for name, ms, size in rows:
        print(f"{name:45s} {ms:9.1f} ms  {size}")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 3)
