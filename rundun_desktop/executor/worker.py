"""A `LocalStore` owned by one worker thread: `await worker.call(LocalStore.method, …)`.

Commits with `synchronous=FULL` cost an fsync (milliseconds to tens of milliseconds on a slow disk), so
neither the GUI thread nor the sync engine's event loop ever runs them: each side has its own connection
on its own thread, and calls queue in order (one thread, so writes apply in the order they were asked).
"""

from __future__ import annotations

import asyncio
import functools
import sqlite3
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any, TypeVar

from rundun_desktop.executor.store import LocalStore, StoreError
from rundun_desktop.executor.store.disk import disk_full_words, is_disk_full

T = TypeVar("T")


class StoreWorker:
    def __init__(self, root: Path, name: str = "rundun-store"):
        self.root = Path(root)
        self._pool = ThreadPoolExecutor(1, thread_name_prefix=name)
        self._store: LocalStore | None = None

    async def call(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """Run `fn(store, *args, **kwargs)` on the worker thread (opening the store on first use)."""
        return await asyncio.get_running_loop().run_in_executor(
            self._pool, functools.partial(self._run, fn, *args, **kwargs)
        )

    def call_sync(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        """The same, blocking the caller (start-up and tests)."""
        return self._pool.submit(self._run, fn, *args, **kwargs).result()

    def _run(self, fn: Callable[..., T], *args: Any, **kwargs: Any) -> T:
        if self._store is None:
            self._store = LocalStore(self.root)
        try:
            return fn(self._store, *args, **kwargs)
        except (OSError, sqlite3.Error) as exc:
            if is_disk_full(exc):  # refused in words; what the store already holds stays (it rolled back)
                raise StoreError(disk_full_words()) from exc
            raise

    async def close(self) -> None:
        await asyncio.get_running_loop().run_in_executor(self._pool, self._close)
        self._pool.shutdown(wait=True)

    def close_sync(self) -> None:
        self._pool.submit(self._close).result()
        self._pool.shutdown(wait=True)

    def _close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None
