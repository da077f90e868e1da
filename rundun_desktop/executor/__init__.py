"""The offline executor (SPEC §8): open runs from links, fill them without a network, sync when it returns.

`ExecutorPage` is the sidebar page; the headless parts are `store` (the local SQLite store), `sync` (the sync
engine), `protocol` (the executor HTTP calls and tus), `links` and `service` (what the app starts with its
window). The page is imported on first use, so that starting the service stays off the widgets' imports.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from rundun_desktop.executor.page import ExecutorPage

__all__ = ["ExecutorPage"]


def __getattr__(name: str):
    if name == "ExecutorPage":
        from rundun_desktop.executor.page import ExecutorPage

        return ExecutorPage
    raise AttributeError(name)
