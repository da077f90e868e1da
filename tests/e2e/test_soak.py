"""A minute of `bench/soak.py` in the suite, sampled every 30 s: a real server under the mixed load (dispatch,
open, answer, /sync, tus photos, 50 SSE streams, webhooks) stays flat. Only measured state is checked, never
durations. (Two minutes sampled each minute cost the suite's longest test a minute more and checked the same;
`bench/soak.py --minutes 30` is the long run.)"""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from bench.soak import Soak

WAL_BOUND = 64 << 20


@pytest.mark.timeout(360)  # a minute of load, plus start-up and the drain on a busy machine
def test_a_minute_of_mixed_load_leaves_the_server_flat(tmp_path):
    lines: list[str] = []
    soak = Soak(tmp_path, rate=1, streams=50, out=lines.append, sample_s=30)
    try:
        minutes = asyncio.run(soak.run(1))
    finally:
        soak.close()
    report = "\n".join(lines)
    first, last = minutes
    assert sum(m["5xx"] for m in minutes) == 0, report
    assert max(m["wal_max"] for m in minutes) <= WAL_BOUND, report
    # No descriptor leak: the 50 streams are open from the start; a loaded machine adds queued connections.
    assert last["fds"] <= 1.5 * first["fds"] + 10, report
    assert last["threads"] <= first["threads"] + 8, report
    assert last["rss_mb"] <= 1.5 * first["rss_mb"], report
    assert last["uploads_bytes"] <= 1 << 20, report  # finished uploads leave no part files behind
    assert all(m["endpoints"]["dispatch"]["n"] > 0 for m in minutes), report  # the load really ran
    assert last["webhooks_received"] > 0 and last["sse_messages"] > 0, report
    assert soak.wal_settled_s < 30, report  # the WAL went back to ≤ 4 MB once the load stopped
