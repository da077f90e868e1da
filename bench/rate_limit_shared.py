"""What sharing the rate limiter across processes costs a request (issue 15; the choice in
server/services/rate_limits.py's docstring).

    .venv/bin/python bench/rate_limit_shared.py [--seconds 3] [--rounds 3]

One key's bucket, a limit high enough never to refuse, `take()` called in a loop for `--seconds`:
- in memory (`LocalBuckets`, SQLite's: the baseline);
- leased from PostgreSQL (`SharedBuckets`, a share of the bucket per round trip);
- a round trip per request (`SharedBuckets` leasing one token at a time: what a limiter that counts every
  request in the database, such as pyrate-limiter's PostgresBucket, pays at least).
A throwaway cluster, fsync on. Prints takes/s, medians of the rounds, and each as a ratio of the baseline.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from server.services import rate_limits
from server.store.postgres import PostgresDatabase
from tests.support.postgres import start_cluster

LIMIT = 100_000_000


def rate(limiter, seconds: float) -> float:
    count, started = 0, time.monotonic()
    deadline = started + seconds
    now = started
    while now < deadline:
        for _ in range(100):
            assert limiter.take("key:bench", now).allowed
        count += 100
        now = time.monotonic()
    return count / (now - started)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--seconds", type=float, default=3.0)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    cluster = start_cluster(durable=True)
    db = PostgresDatabase(cluster.new_database())
    rows: dict[str, list[float]] = {"in memory": [], "leased": [], "round trip each": []}
    try:
        for _ in range(args.rounds):
            rows["in memory"].append(rate(rate_limits.LocalBuckets(LIMIT), args.seconds))
            rows["leased"].append(rate(rate_limits.SharedBuckets(db, LIMIT), args.seconds))
            saved = rate_limits.MAX_LEASE
            rate_limits.MAX_LEASE = 1
            try:
                rows["round trip each"].append(rate(rate_limits.SharedBuckets(db, LIMIT), args.seconds))
            finally:
                rate_limits.MAX_LEASE = saved
    finally:
        db.close()
        cluster.stop()
    base = statistics.median(rows["in memory"])
    print(f"{'limiter':<18}{'takes/s':>12}{'÷ in memory':>14}")
    for name, values in rows.items():
        median = statistics.median(values)
        print(f"{name:<18}{median:>12,.0f}{median / base:>14.3f}")


if __name__ == "__main__":
    main()
