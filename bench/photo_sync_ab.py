"""A/B of the server's photo path: the same drain against servers built from several git trees, rounds
interleaved (issue 16: this machine drifts by 30% within minutes, which only same-run pairs see through).

    git worktree add /tmp/base <commit>
    .venv/bin/python bench/photo_sync_ab.py /tmp/base .        # first tree is the base

Each tree's `rundun-server` runs from that tree (its own data dir; on PostgreSQL its own database of one
throwaway cluster, fsync on). Every round sends each server, in alternating order, the requests the engine
makes for ANSWERS answers and PHOTOS new 2 MB photos, CONC at once (`bench.executor_sync.same_calls`);
round 0 warms up. Prints each tree's times and its server's CPU time (every thread) a round, and the
medians of the per-round ratios to the base.
Environment: PG=1 (default; 0 for SQLite), MEDIA=files (RUNDUN_MEDIA_STORE), ROUNDS=8, ANSWERS=500,
PHOTOS=50, CONC=3, PGFSYNC=off to take the WAL flush out (a diagnosis, not a figure). ENGINE=1 times each
tree's own sync engine instead (`bench.executor_sync.drain` of a store holding that backlog, in a process
importing that tree, timed from the engine's start): what a change to the engine gains, each engine
against its own tree's server.
"""

import asyncio
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.executor_sync import Bench, cpu_seconds, new_photos, same_calls
from rundun_desktop.executor.sync import SyncConfig
from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess, init_org

# One engine drain, run by `python -c` in a tree (its code imported): prints the seconds from its start.
ENGINE_DRAIN = """
import asyncio, sys, types
from pathlib import Path
url, key, work, answers, photos, lanes = sys.argv[1:7]
from bench.executor_sync import Bench, drain
from rundun_desktop.executor.sync import SyncConfig
bench = Bench(types.SimpleNamespace(url=url), key, Path(work))
files = [Path(work) / f"p{i}.jpg" for i in range(int(photos))]
root, run_id = bench.open(int(answers), int(photos))
bench.backlog(root, run_id, int(answers), files)
print(asyncio.run(drain(root, SyncConfig(photo_concurrency=int(lanes))))[0])
"""


def engine_drain(tree: str, url: str, key: str, answers: int, photos: int, lanes: int) -> float:
    args = [sys.executable, "-c", ENGINE_DRAIN, url, key, str(work), str(answers), str(photos), str(lanes)]
    done = subprocess.run(args, cwd=tree, capture_output=True, text=True, check=True)
    return float(done.stdout.split()[-1])


trees = [str(Path(t).resolve()) for t in sys.argv[1:]]
engine = os.environ.get("ENGINE") == "1"
pg = os.environ.get("PG", "1") == "1"
cluster = start_cluster(durable=True) if pg else None
if pg and os.environ.get("PGFSYNC") == "off":
    import psycopg

    with psycopg.connect(cluster.url(), autocommit=True) as c:
        c.execute("ALTER SYSTEM SET fsync=off")
        c.execute("SELECT pg_reload_conf()")
work = Path(tempfile.mkdtemp(prefix="ab-"))
servers = []
try:
    for i, tree in enumerate(trees):
        env = {"RUNDUN_RATE_LIMIT": "100000000", "RUNDUN_MEDIA_STORE": os.environ.get("MEDIA", "files")}
        if pg:
            env["RUNDUN_DATABASE_URL"] = cluster.new_database()
        d = work / f"s{i}"
        d.mkdir()
        os.chdir(tree)
        key = init_org(d, env=env)
        s = ServerProcess(d, env=env).start()
        servers.append((tree, s, Bench(s, key, work), key))
    os.chdir(ROOT)
    cfg = SyncConfig(photo_concurrency=int(os.environ.get("CONC", "3")))
    answers = int(os.environ.get("ANSWERS", "500"))
    nph = int(os.environ.get("PHOTOS", "50"))
    files = [work / f"p{i}.jpg" for i in range(nph)]
    times = {t: [] for t in trees}
    cpu = {t: [] for t in trees}  # the server's CPU seconds a round
    rounds = int(os.environ.get("ROUNDS", "8"))
    for r in range(rounds + 1):
        order = servers if r % 2 == 0 else servers[::-1]
        for tree, s, b, key in order:
            new_photos(files, 2 * 2**20)
            cpu_before = cpu_seconds(s.proc.pid)
            if engine:
                t = engine_drain(tree, s.url, key, answers, nph, cfg.photo_concurrency)
            else:
                _, run = b.open(answers, nph)
                t = asyncio.run(same_calls(s.url, b.token(run), run, answers, files, cfg))
            if r:  # round 0 warms up
                times[tree].append(t)
                cpu[tree].append(cpu_seconds(s.proc.pid) - cpu_before)
    for tree in trees:
        v, c = times[tree], cpu[tree]
        print(f"{tree:30s} median {statistics.median(v):.3f}  min {min(v):.3f}  {[round(x, 3) for x in v]}")
        print(f"{'':30s} server CPU median {statistics.median(c):.3f}  {[round(x, 3) for x in c]}")
    for tree in trees[1:]:
        for name, figures in (("time", times), ("server CPU", cpu)):
            ratio = statistics.median(b / a for a, b in zip(figures[trees[0]], figures[tree]))
            print(f"{tree} / {trees[0]}: {name}, median of pair ratios {ratio:.3f}")
finally:
    for _, s, _, _ in servers:
        s.stop()
    if cluster:
        cluster.stop()
    shutil.rmtree(work, ignore_errors=True)
