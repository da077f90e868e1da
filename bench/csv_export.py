"""The answers export (`GET /v1/templates/{id}/runs.csv`, issue 17) against the sqlite3 command-line tool
dumping the same rows, in the same run: wall time, CPU time and peak memory (bench code only).

Seeds a data dir with N runs of one template, each with five answers (direct SQL after the server made the
schema and the template; cached under $RUNDUN_BENCH_DIR), then, for each of `--rounds` rounds,
- runs `sqlite3 -csv` with the same rows and columns (a correlated subquery per step: the same index
  lookups the server makes) to a file, under /usr/bin/time for its CPU time and peak RSS;
- starts the real server process and streams the CSV to a file; its peak RSS is the process's VmHWM minus
  what it held before the export (VmRSS), so start-up imports are not counted; its CPU time is the
  process's utime + stime over the export (/proc/PID/stat).
Prints each round and the medians, with the ratios server ÷ sqlite3: wall time (the target), CPU time (what
a shared machine disturbs least) and peak memory (the server's growth ÷ the sqlite3 process's whole RSS).
Target: time ≤ 3× sqlite3's, memory flat (the same at 100,000 and 1,000,000 runs).

    .venv/bin/python bench/csv_export.py 100000 1000000 --rounds 3
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sqlite3
import statistics
import subprocess
import sys
import time
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.support.server_process import ServerProcess, init_org

STEPS = ["s-od01", "s-fu01", "s-dm01", "s-dm02", "s-cl01"]
BATCH = 20_000


def seeded(count: int) -> tuple[Path, str, str]:
    data_dir = Path(os.environ.get("RUNDUN_BENCH_DIR", "/tmp/rundun-bench")) / f"csv-{count}"
    marker = data_dir / ".seeded"
    if marker.exists():
        key, template_id = marker.read_text().split()
        return data_dir, key, template_id
    subprocess.run(["rm", "-rf", str(data_dir)], check=True)
    data_dir.mkdir(parents=True)
    key = init_org(data_dir)
    server = ServerProcess(data_dir).start()
    try:
        body = (ROOT / "resources" / "templates" / "vehicle-pre-rental.json").read_text()
        r = httpx.post(
            f"{server.url}/v1/templates",
            content=body,
            headers={"Authorization": f"Bearer {key}", "Content-Type": "application/json"},
        )
        r.raise_for_status()
        template_id = r.json()["id"]
    finally:
        server.stop()
    started = time.perf_counter()
    _insert(data_dir / "rundun.db", count, template_id)
    marker.write_text(f"{key} {template_id}")
    print(f"seeded {count:,} runs in {time.perf_counter() - started:.0f} s", file=sys.stderr)
    return data_dir, key, template_id


def _insert(db: Path, count: int, template_id: str) -> None:
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA synchronous=OFF")
    org_id = conn.execute("SELECT id FROM orgs").fetchone()[0]
    rng = random.Random(17)
    start = datetime(2026, 1, 1, tzinfo=UTC)
    runs, answers = [], []
    conn.execute("BEGIN")
    for i in range(count):
        run_id = f"r-{uuid.UUID(int=rng.getrandbits(128), version=4)}"
        created = (start + timedelta(seconds=i * 7)).strftime("%Y-%m-%dT%H:%M:%SZ")
        runs.append(
            (
                run_id,
                org_id,
                template_id,
                1,
                "Vehicle pre-rental inspection",
                "completed",
                f"booking_{i:07d}",
                created,
                created,
                created,
                5,
                5,
            )
        )
        values = [str(rng.randint(0, 200_000)), '"o-fu2"', "true", '"Scratch on the rear bumper"', "4"]
        answers += [(run_id, step, value, created) for step, value in zip(STEPS, values, strict=True)]
        if len(runs) == BATCH or i == count - 1:
            conn.executemany(
                "INSERT INTO runs (id, org_id, template_id, template_v, template_name, status, executor_ref, "
                "created_at, updated_at, completed_at, progress_total, progress_answered) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                runs,
            )
            conn.executemany("INSERT INTO answers (run_id, step_id, value, at) VALUES (?, ?, ?, ?)", answers)
            runs.clear()
            answers.clear()
    conn.execute("COMMIT")
    conn.execute("ANALYZE")
    conn.close()


def _kb(pid: int, field: str) -> int:
    return int(re.search(rf"{field}:\s+(\d+) kB", Path(f"/proc/{pid}/status").read_text()).group(1))


def _cpu_seconds(pid: int) -> float:
    """utime + stime of a process, all its threads (fields 14 and 15 of /proc/PID/stat)."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def server_export(data_dir: Path, key: str, template_id: str, out: Path) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds of the server, peak extra MB of the server during the export, rows)."""
    server = ServerProcess(data_dir, env={"RUNDUN_RATE_LIMIT": "1000000"}).start()
    try:
        pid = server.proc.pid
        before = _kb(pid, "VmRSS")
        cpu = _cpu_seconds(pid)
        started = time.perf_counter()
        lines = 0
        with (
            httpx.stream(
                "GET",
                f"{server.url}/v1/templates/{template_id}/runs.csv",
                headers={"Authorization": f"Bearer {key}"},
                timeout=600,
            ) as r,
            out.open("wb") as f,
        ):
            r.raise_for_status()
            for chunk in r.iter_bytes():
                f.write(chunk)
                lines += chunk.count(b"\n")
        seconds = time.perf_counter() - started
        return seconds, _cpu_seconds(pid) - cpu, (_kb(pid, "VmHWM") - before) / 1024, lines - 1
    finally:
        server.stop()


def sqlite_export(data_dir: Path, template_id: str, out: Path) -> tuple[float, float, float, int]:
    """(seconds, CPU seconds, peak MB, rows) of the sqlite3 tool writing the same rows and columns."""
    cells = ", ".join(
        f"(SELECT value FROM answers a WHERE a.run_id = r.id AND a.step_id = '{s}')" for s in STEPS
    )
    query = (
        "SELECT r.id, r.status, r.template_v, r.executor_ref, r.executor_identity, r.created_at, r.opened_at, "
        "r.completed_at, r.updated_at, r.progress_answered, r.progress_skipped, r.progress_total, r.flagged, "
        f"{cells} FROM runs r WHERE r.template_id = '{template_id}' AND r.template_v = 1 "
        "ORDER BY r.created_at, r.rowid"
    )
    started = time.perf_counter()
    with out.open("wb") as f:
        done = subprocess.run(
            [
                "/usr/bin/time",
                "-f",
                "%M %U %S",
                "sqlite3",
                "-csv",
                "-header",
                str(data_dir / "rundun.db"),
                query,
            ],
            stdout=f,
            stderr=subprocess.PIPE,
            check=True,
        )
    seconds = time.perf_counter() - started
    peak_kb, user, system = done.stderr.decode().strip().splitlines()[-1].split()
    with out.open("rb") as f:
        rows = sum(1 for _ in f) - 1
    return seconds, float(user) + float(system), int(peak_kb) / 1024, rows


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("counts", nargs="*", type=int, default=[100_000, 1_000_000])
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} (the machine is shared: compare ratios, not seconds)")
    for count in args.counts:
        data_dir, key, template_id = seeded(count)
        work = data_dir / "out"
        work.mkdir(exist_ok=True)
        rounds = []
        for n in range(args.rounds):
            s_time, s_cpu, s_mb, s_rows = sqlite_export(data_dir, template_id, work / "sqlite.csv")
            r_time, r_cpu, r_mb, r_rows = server_export(data_dir, key, template_id, work / "server.csv")
            assert s_rows == r_rows == count, (s_rows, r_rows, count)
            rounds.append((r_time / s_time, r_cpu / s_cpu, r_mb / s_mb, r_mb))
            print(
                f"  round {n + 1}: server {r_time:6.1f} s ({r_cpu:5.1f} s CPU), +{r_mb:5.1f} MB peak | sqlite3 "
                f"{s_time:6.1f} s ({s_cpu:5.1f} s CPU), {s_mb:5.1f} MB peak | load {os.getloadavg()[0]:.1f}"
            )
        time_ratio, cpu_ratio, mb_ratio, mb = (statistics.median(r[i] for r in rounds) for i in range(4))
        print(
            f"{count:>9,} runs, median of {len(rounds)}: time ratio {time_ratio:.2f}× (target ≤ 3×), "
            f"CPU ratio {cpu_ratio:.2f}×, peak RSS ratio {mb_ratio:.2f}× (server +{mb:.1f} MB)"
        )


if __name__ == "__main__":
    main()
