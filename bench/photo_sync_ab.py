"""A/B of the server's photo path: the same drain against servers built from several git trees, rounds
interleaved (issue 16: this machine drifts by 30% within minutes, which only same-run pairs see through).

    git worktree add /tmp/base <commit>
    .venv/bin/python bench/photo_sync_ab.py /tmp/base .        # first tree is the base

Each tree's `rundun-server` runs from that tree (its own data dir; on PostgreSQL its own database of one
throwaway cluster, fsync on). Every round sends each server, in alternating order, the requests the engine
makes for ANSWERS answers and PHOTOS new 2 MB photos, CONC at once (`bench.executor_sync.same_calls`);
round 0 warms up. Prints each tree's times and the median of the per-round ratios to the base.
Environment: PG=1 (default; 0 for SQLite), MEDIA=files (RUNDUN_MEDIA_STORE), ROUNDS=8, ANSWERS=500,
PHOTOS=50, CONC=3, PGFSYNC=off to take the WAL flush out (a diagnosis, not a figure).
"""

import asyncio
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
from bench.executor_sync import Bench, new_photos, same_calls
from rundun_desktop.executor.sync import SyncConfig
from tests.support.postgres import start_cluster
from tests.support.server_process import ServerProcess, init_org

trees = [str(Path(t).resolve()) for t in sys.argv[1:]]
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
        servers.append((tree, s, Bench(s, key, work)))
    os.chdir(ROOT)
    cfg = SyncConfig(photo_concurrency=int(os.environ.get("CONC", "3")))
    answers = int(os.environ.get("ANSWERS", "500"))
    nph = int(os.environ.get("PHOTOS", "50"))
    files = [work / f"p{i}.jpg" for i in range(nph)]
    times = {t: [] for t in trees}
    rounds = int(os.environ.get("ROUNDS", "8"))
    for r in range(rounds + 1):
        order = servers if r % 2 == 0 else servers[::-1]
        for tree, s, b in order:
            _, run = b.open(answers, nph)
            tok = b.token(run)
            new_photos(files, 2 * 2**20)
            t = asyncio.run(same_calls(s.url, tok, run, answers, files, cfg))
            if r:
                times[tree].append(t)  # round 0 warms up
    for tree in trees:
        v = times[tree]
        print(f"{tree:30s} median {statistics.median(v):.3f}  min {min(v):.3f}  {[round(x, 3) for x in v]}")
    base = times[trees[0]]
    for tree in trees[1:]:
        print(
            f"{tree} / {trees[0]}: median of pair ratios {statistics.median(b / a for a, b in zip(base, times[tree])):.3f}"
        )
finally:
    for _, s, _ in servers:
        s.stop()
    if cluster:
        cluster.stop()
    shutil.rmtree(work, ignore_errors=True)
