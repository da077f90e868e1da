"""Parsed template versions kept in memory, bounded by their size as well as their number.

Every executor request needs its run's TDL model, so parsed versions are kept. A parsed model takes 14 to 25
times its JSON in memory (a 535 KB template of 10,000 steps: 12.5 MB). A cache bounded only by count
(it held 1,024 versions, and another 512 by their JSON) could grow to gigabytes from a few hundred large
templates: an API key alone could make a long-running server take them. This one keeps at most `entries`
versions and `json_bytes` of their JSON, dropping the least recently used first.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Hashable
from typing import Generic, TypeVar

V = TypeVar("V")


class SizedLru(Generic[V]):
    """A least-recently-used map whose entries each weigh something (a version's JSON bytes); safe to share
    between threads (the event loop, the writer, reading threads all look up models)."""

    def __init__(self, *, entries: int, weight: int) -> None:
        self.max_entries, self.max_weight = entries, weight
        self._items: OrderedDict[Hashable, tuple[V, int]] = OrderedDict()
        self._lock = threading.Lock()
        self.weight = 0  # the weight held now

    def __len__(self) -> int:
        return len(self._items)

    def get(self, key: Hashable) -> V | None:
        with self._lock:
            item = self._items.get(key)
            if item is None:
                return None
            self._items.move_to_end(key)
            return item[0]

    def put(self, key: Hashable, value: V, weight: int) -> None:
        """Keep `value`, dropping the least recently used until the bounds hold again. One heavier than the
        whole bound is not kept (it would push everything else out for a single use)."""
        if weight > self.max_weight:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.weight -= old[1]
            self._items[key] = (value, weight)
            self.weight += weight
            while len(self._items) > self.max_entries or self.weight > self.max_weight:
                _, (_, dropped) = self._items.popitem(last=False)
                self.weight -= dropped

    def clear(self) -> None:
        with self._lock:
            self._items.clear()
            self.weight = 0
