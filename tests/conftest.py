"""Shared fixtures live in tests/support; Qt runs offscreen in every test."""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

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
