"""Shared fixtures live in tests/support; Qt runs offscreen in every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")


def _first_ports_of_this_worker() -> None:
    """Each pytest-xdist worker's desktop apps take their first-start ports from a slice of 8751–8799 of
    their own: an app stopped and started again by one worker's test expects its kept port back, which an app
    of the other worker, trying the same range from 8751, could otherwise take while it is down."""
    worker, count = os.environ.get("PYTEST_XDIST_WORKER", ""), os.environ.get("PYTEST_XDIST_WORKER_COUNT", "")
    if worker.startswith("gw") and count.isdigit() and int(count) > 1:
        width = 49 // int(count)
        low = 8751 + int(worker[2:]) * width
        os.environ["RUNDUN_FIRST_PORTS"] = f"{low}-{low + width - 1}"


_first_ports_of_this_worker()

pytest_plugins = ["tests.support.fixtures"]
