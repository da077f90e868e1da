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


def pytest_collection_modifyitems(config, items):
    """`make test` runs the suite on two pytest-xdist workers with `--dist loadgroup`. Each file is one group
    (run on one worker, in order, its module fixtures built once: what `--dist loadfile` does), and the
    browser tests are one group together: their Chromium and server (package fixtures) start and stop around
    them, never left idle while another file's event loops and child processes come and go."""
    import pytest

    root = config.rootpath
    for item in items:
        parts = item.path.relative_to(root).parts
        group = "browser" if parts[:2] == ("tests", "browser") else "/".join(parts)
        item.add_marker(pytest.mark.xdist_group(group))
