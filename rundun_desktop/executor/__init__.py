"""The offline executor (SPEC §8): open runs from links, fill them without a network, sync when it returns.

`ExecutorPage` is the sidebar page; the headless parts are `store` (the local SQLite store), `sync` (the sync
engine), `protocol` (the executor HTTP calls and tus) and `links`.
"""

from __future__ import annotations

from rundun_desktop.executor.page import ExecutorPage

__all__ = ["ExecutorPage"]
