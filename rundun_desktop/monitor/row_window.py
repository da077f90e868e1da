"""The rows behind the run monitor, in server order: every operation a live day needs costs O(1) amortised.

The monitor is left open for weeks while runs arrive at the top by the thousand. A plain list with a
`run_id → row` dict costs O(n) per insert at the top (every row below moves, every entry is renumbered), so a
day of dispatches cost O(n²). Here:
- rows are two lists, `_head` (rows inserted at the top, stored last-first, so inserting is an append) and
  `_body` (the rows paged in from the server); row `r` is found in O(1) in one or the other;
- every row has a *sequence number* that never changes while it is held, `seq = row + _top`; inserting at the
  top lowers `_top` instead of renumbering, so `run_id → seq` and `seq → cursor` never need rebuilding;
- a slot holds a summary or None (evicted, 8 bytes); `evict` keeps the summaries near where the view looks
  and `truncate` drops slots past the end (they are fetched again by cursor, as on scrolling);
- a filtered list gains and loses rows anywhere as runs come to match it and stop (`insert`, `remove`): those
  renumber the rows on the shorter side of the change, its distance to the nearer end.
Pure Python (no Qt): `RunsTableModel` wraps it with the Qt signals.
"""

from __future__ import annotations

import heapq
from collections.abc import Callable


class RowWindow:
    def __init__(self) -> None:
        self._head: list[dict | None] = []  # rows 0 … len-1 of the top part, stored in reverse
        self._body: list[dict | None] = []
        self._top = 0  # seq of row 0; lowered by each insert at the top
        self._seq_of: dict[str, int] = {}  # run_id → seq of every summary held (the cached rows)
        self._cursor_at: dict[int, str] = {}  # seq → the keyset cursor whose rows start there

    def __len__(self) -> int:
        return len(self._head) + len(self._body)

    @property
    def top(self) -> int:
        return self._top

    @property
    def cached(self) -> int:
        return len(self._seq_of)

    # -- rows -------------------------------------------------------------------------------------------------
    def get(self, row: int) -> dict | None:
        head = len(self._head)
        return self._head[head - 1 - row] if row < head else self._body[row - head]

    def _store(self, row: int, value: dict | None) -> None:
        head = len(self._head)
        if row < head:
            self._head[head - 1 - row] = value
        else:
            self._body[row - head] = value

    def row_of(self, run_id: str) -> int | None:
        seq = self._seq_of.get(run_id)
        return None if seq is None else seq - self._top

    def put(self, row: int, run: dict) -> None:
        """Hold `run` at `row` (replacing whatever was there)."""
        old = self.get(row)
        if old is not None and old["run_id"] != run["run_id"]:
            self._seq_of.pop(old["run_id"], None)
        self._store(row, run)
        self._seq_of[run["run_id"]] = row + self._top

    def append(self, run: dict) -> None:
        self._body.append(None)
        self.put(len(self) - 1, run)

    def insert_on_top(self, runs: list[dict]) -> None:
        """`runs` newest first become rows 0 … len(runs)-1; every other row moves down, in O(len(runs))."""
        for run in reversed(runs):
            self._top -= 1
            self._head.append(run)
            self._seq_of[run["run_id"]] = self._top

    def insert(self, row: int, runs: list[dict]) -> None:
        """`runs` become rows `row` … `row + len(runs) - 1` (a run that came to match a filtered list, in its
        place); the rows from `row` on move down. The rows on the shorter side are renumbered, so a change near
        either end costs O(len(runs) + the rows between it and that end)."""
        if row == 0:
            self.insert_on_top(runs)
            return
        k, seq = len(runs), row + self._top
        if row <= len(self) - row:  # the rows above move up a number, those below keep theirs
            self._renumber(0, row, -k)
            self._move_cursors(lambda s: s - k if s <= seq else s)
            self._top -= k
        else:
            self._renumber(row, len(self), k)
            self._move_cursors(lambda s: s + k if s > seq else s)
        head = len(self._head)
        if row <= head:
            self._head[head - row : head - row] = runs[::-1]
        else:
            self._body[row - head : row - head] = runs
        for offset, run in enumerate(runs):
            self._seq_of[run["run_id"]] = row + offset + self._top

    def remove(self, row: int, count: int) -> None:
        """Drop rows `row` … `row + count - 1` (runs that stopped matching a filtered list); the rows below move
        up. As `insert`, the shorter side is renumbered."""
        for run in self._slots(row, row + count):
            if run is not None:
                del self._seq_of[run["run_id"]]
        head, seq, end = len(self._head), row + self._top, row + count + self._top
        first, last = max(0, head - row - count), head - row  # the rows' place in _head (stored in reverse)
        if first < last:
            del self._head[first:last]
        if row + count > head:
            del self._body[max(0, row - head) : row + count - head]
        if row <= len(self) - row:  # the rows above move down a number, those below keep theirs
            self._renumber(0, row, count)
            self._move_cursors(lambda s: s + count if s < seq else max(s, end))
            self._top += count
        else:
            self._renumber(row, len(self), -count)
            self._move_cursors(lambda s: s - count if s > end else min(s, seq))

    def _slots(self, start: int, stop: int) -> list[dict | None]:
        """The slots of rows `start` … `stop - 1` (in no particular order)."""
        head = len(self._head)
        above = self._head[max(0, head - stop) : max(0, head - start)]
        return above + self._body[max(0, start - head) : max(0, stop - head)]

    def _renumber(self, start: int, stop: int, by: int) -> None:
        for run in self._slots(start, stop):
            if run is not None:
                self._seq_of[run["run_id"]] += by

    def _move_cursors(self, moved: Callable[[int], int]) -> None:
        """Each cursor to the slot its rows now start at (`moved(seq)`); of two that meet, the first stays."""
        cursors, self._cursor_at = self._cursor_at, {}
        for seq in sorted(cursors):
            self._cursor_at.setdefault(moved(seq), cursors[seq])

    def loaded(self) -> list[dict]:
        return [run for run in (*reversed(self._head), *self._body) if run is not None]

    # -- cursors ----------------------------------------------------------------------------------------------
    def cursor_at(self, row: int) -> str | None:
        return self._cursor_at.get(row + self._top)

    def set_cursor(self, row: int, cursor: str) -> None:
        """The cursor of the rows starting at `row` (kept while that row exists; first answer wins)."""
        self._cursor_at.setdefault(row + self._top, cursor)

    # -- bounding memory --------------------------------------------------------------------------------------
    def evict(self, keep_row: int, keep_span: int, target: int) -> None:
        """Forget summaries, farthest from `keep_row` first, until `target` remain; rows within `keep_span`
        of it stay. O(cached · log excess), run once per many inserts, so O(log n) amortised."""
        if self.cached <= target:
            return
        keep_seq = keep_row + self._top
        # Only the farthest `cached - target` are ordered (a sort of every cached row made a list and a key
        # for each: in a burst of live runs that allocation set off the cyclic collector inside this frame).
        far_first = heapq.nlargest(
            self.cached - target, self._seq_of.items(), key=lambda item: abs(item[1] - keep_seq)
        )
        for run_id, seq in far_first:
            if abs(seq - keep_seq) <= keep_span:
                break
            self._store(seq - self._top, None)
            del self._seq_of[run_id]

    def truncate(self, length: int) -> None:
        """Drop every row from `length` on (their summaries and cursors too)."""
        if length >= len(self):
            return
        end_seq = length + self._top
        for run_id, seq in [item for item in self._seq_of.items() if item[1] >= end_seq]:
            del self._seq_of[run_id]
        for seq in [s for s in self._cursor_at if s > end_seq]:
            del self._cursor_at[seq]
        head = len(self._head)
        if length >= head:
            del self._body[length - head :]
        else:
            self._body.clear()
            del self._head[: head - length]

    def cursor_rows(self) -> list[int]:
        """The rows a known cursor starts at, in order."""
        return sorted(seq - self._top for seq in self._cursor_at)
