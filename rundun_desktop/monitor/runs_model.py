"""The runs table model: rows of run summaries, paged in lazily; sorting and filtering are the server's.

It does no I/O. It *asks* for rows through signals and a controller answers with `add_page`:
- `more_wanted(page)` from `fetchMore` while the server says there are more runs (`canFetchMore`);
- `page_wanted(page)` when a view shows a row whose page was evicted.
Memory stays bounded however far one scrolls: rows are slots in server order, and once more than
`max_cached_rows` summaries are held, the pages farthest from where the view last looked are dropped
(their slots stay, as None: 8 bytes a row) and fetched again if they come back into view.
Slots mirror the server's order, so page `p` of the server fills slots `(p-1)*page_size …`; live runs
inserted at the top shift both alike (the server also lists them first). A live insert costs O(1) amortised
(`RowWindow`), and while the view looks near the top, slots far below it are dropped at a known cursor
(`max_rows`) and fetched again by `fetchMore`: a monitor left open for weeks holds a bounded window.
A filtered list follows live changes as the server would list it (`matches`): `place_runs` puts a run that came
to match in its place, `remove_runs` drops one that stopped, and the pages on their way follow the rows.
Pages after the first are asked by keyset cursor (`page_request`): each answer's `next_cursor` is kept as
the start of the slots after it, so appending and re-fetching an evicted page cost the server the same at
the millionth row as at the first. The total is not needed to page: it arrives separately (`set_total`).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from itertools import groupby
from typing import Any, ClassVar

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtGui import QColor

from rundun_desktop import formatting as fmt
from rundun_desktop.monitor import device_words
from rundun_desktop.monitor.row_window import RowWindow
from rundun_desktop.style import FINDING_COLOUR
from rundun_desktop.theme import colour
from rundun_desktop.widgets.table_model import ROOT, FlatTableModel, Index
from rundun_desktop.words import QT_TRANSLATE_NOOP, Counts

COL_STATUS, COL_TEMPLATE, COL_REF, COL_PROGRESS, COL_IDENTITY, COL_CREATED, COL_UPDATED, COL_EXPIRES = range(
    8
)
COL_FINDINGS = 8  # SPEC §14: how many answers of the run are findings, in words
HEADERS = [
    QT_TRANSLATE_NOOP("headers", "Status"),
    QT_TRANSLATE_NOOP("headers", "Template"),
    QT_TRANSLATE_NOOP("headers", "Executor ref"),
    QT_TRANSLATE_NOOP("headers", "Progress"),
    QT_TRANSLATE_NOOP("headers", "Executor"),
    QT_TRANSLATE_NOOP("headers", "Created"),
    QT_TRANSLATE_NOOP("headers", "Updated"),
    QT_TRANSLATE_NOOP("headers", "Expires"),
    QT_TRANSLATE_NOOP("headers", "Findings"),
]
COL_DEVICE = len(HEADERS)  # what the executor's device still holds (SPEC §10): device_words
HEADERS.append(QT_TRANSLATE_NOOP("headers", "On the device"))
# Columns the server can sort by, and its sort key for them (ascending; '-' prefix for descending).
SORT_KEYS = {
    COL_STATUS: "status",
    COL_REF: "executor_ref",
    COL_CREATED: "created_at",
    COL_UPDATED: "updated_at",
    COL_EXPIRES: "expires_at",
}
DEFAULT_SORT = "-created_at"
# What `GET /v1/runs` keeps for each of its filters, told from a run's summary (server/store/runs.py's WHERE): a
# live change to a filtered list adds the runs that come to match and drops those that stop (`matches`).
FILTERS: dict[str, Callable[[dict, Any], bool]] = {
    "status": lambda run, want: run["status"] == want,
    "template_id": lambda run, want: run.get("template_id") == want,
    "template_v": lambda run, want: str(run.get("template_v")) == str(want),
    "executor_ref": lambda run, want: run.get("executor_ref") == want,
    "executor_ref_prefix": lambda run, want: (run.get("executor_ref") or "").startswith(want),
    "flagged": lambda run, want: bool(run.get("flagged")) == want,  # `flagged > 0`: how many are findings
    "waiting_on_device": lambda run, want: device_words.waiting(run.get("device")) == want,
    "created_since": lambda run, want: run["created_at"] >= want,  # the dashboard's days: [since, before)
    "created_before": lambda run, want: run["created_at"] < want,
}

RunRole = Qt.ItemDataRole.UserRole + 1  # the summary dict (None while not loaded)
ProgressRole = Qt.ItemDataRole.UserRole + 2  # float 0..1
StatusRole = Qt.ItemDataRole.UserRole + 3  # the status code
RunIdRole = Qt.ItemDataRole.UserRole + 4

LOADING = "…"
DISPLAY, TOOLTIP = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.ToolTipRole)
FOREGROUND, ALIGNMENT = int(Qt.ItemDataRole.ForegroundRole), int(Qt.ItemDataRole.TextAlignmentRole)
ROLES = frozenset(
    {DISPLAY, TOOLTIP, FOREGROUND, ALIGNMENT, *map(int, (RunRole, ProgressRole, StatusRole, RunIdRole))}
)
CENTER = int(Qt.AlignmentFlag.AlignCenter)


def findings_words(flagged: object) -> str:
    """A run's findings count as the table shows it: "⚠ 2 findings", or nothing when there are none."""
    if not isinstance(flagged, int) or flagged <= 0:
        return ""
    return Counts.tr("⚠ %Ln finding(s)", "", flagged)


def findings_tip(flagged: int) -> str:
    """The findings cell's tooltip: "2 answers are findings: open the run to see which"."""
    return Counts.tr("%Ln answer(s) are findings: open the run to see which", "", flagged)


def matches(run: dict, filters: dict) -> bool | None:
    """Whether the server lists `run` under `filters` (the list's query; `sort` and empty ones ignored); None
    when it does not say and a filter is not one a summary tells (`FILTERS`)."""
    told = True
    for key, want in filters.items():
        if key == "sort" or want is None or want == "":
            continue
        check = FILTERS.get(key)
        if check is None:
            told = False
        elif not check(run, want):
            return False
    return True if told else None


class RunsTableModel(FlatTableModel):
    HEADERS: ClassVar = HEADERS

    more_wanted = Signal(int)  # the next page to append
    page_wanted = Signal(int)  # a page to (re)load for display
    sort_wanted = Signal(str)  # the user asked for another order: reload with this server sort key

    def __init__(self, page_size: int = 100, max_cached_rows: int = 5000, parent=None):
        super().__init__(parent)
        self.page_size = page_size
        self.max_cached_rows = max(max_cached_rows, page_size * 3)
        # Slots past this many are dropped while the view looks near the top; they come back by cursor, as
        # on scrolling. Bounds a monitor left open for weeks while runs pour in at the top.
        self.max_rows = self.max_cached_rows
        self.sort_key = DEFAULT_SORT
        self.generation = 0  # bumped on every reset; answers for an older generation are dropped
        self._rows = RowWindow()
        self._total: int | None = None  # None: not known (yet)
        self._more = True  # whether the server has rows past the last slot
        self._more_pending = False
        self._wanted: set[int] = set()
        self._asked_top: dict[int, int] = {}  # start row of a request → `_rows.top` when it was asked
        self._last_row = 0
        self._newest = (
            ""  # the latest `created_at` of this query's runs: a run as new goes on top, held or not
        )

    # -- Qt model API ---------------------------------------------------------------------------------------
    def row_count(self) -> int:
        return len(self._rows)

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        # Called for every role of every visible cell on each paint: unanswered roles leave at once.
        if role not in ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if not 0 <= row < len(self._rows):
            return None
        self._last_row = row
        run = self._rows.get(row)
        if run is None:
            if role == DISPLAY:
                self._want_row(row)
                return LOADING if col == COL_STATUS else ""
            return None
        if role == DISPLAY:
            return self._display(run, col)
        if role == TOOLTIP:
            return self._tooltip(run, col)
        if role == RunRole:
            return run
        if role == RunIdRole:
            return run["run_id"]
        if role == StatusRole:
            return run["status"]
        if role == ProgressRole:
            return fmt.run_progress_fraction(run)
        if role == FOREGROUND and col == COL_STATUS:
            return QColor(colour(fmt.STATUS_COLOURS.get(run["status"], ("#1c2333", ""))[0]))
        if role == FOREGROUND and col == COL_DEVICE:
            tone = device_words.colour(run.get("device"))
            return QColor(colour(tone)) if tone else None
        if role == FOREGROUND and col == COL_FINDINGS and run.get("flagged"):
            return QColor(colour(FINDING_COLOUR))
        if role == ALIGNMENT and col == COL_PROGRESS:
            return CENTER
        return None

    def canFetchMore(self, parent: Index = ROOT) -> bool:
        if parent.isValid() or self._more_pending:
            return False
        return self._more

    def fetchMore(self, parent: Index = ROOT) -> None:
        if not self.canFetchMore(parent):
            return
        self._more_pending = True
        # Views fetch more at the bottom: that is where one looks.
        self._last_row = max(0, len(self._rows) - 1)
        self.more_wanted.emit(len(self._rows) // self.page_size + 1)

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = SORT_KEYS.get(column)
        if key is None:
            return  # not a server sort: keep the current order
        key = key if order == Qt.SortOrder.AscendingOrder else f"-{key}"
        if key != self.sort_key:
            self.sort_key = key
            self.sort_wanted.emit(key)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == TOOLTIP and orientation == Qt.Orientation.Horizontal and 0 <= section < len(HEADERS):
            return (
                self.tr("Click to sort the runs by this column")
                if section in SORT_KEYS
                else self.tr("Runs cannot be sorted by this column")
            )
        return super().headerData(section, orientation, role)

    # -- fed by the controller ------------------------------------------------------------------------------
    @property
    def total(self) -> int | None:
        return self._total

    @property
    def cached_rows(self) -> int:
        return self._rows.cached

    def reset(self, sort_key: str | None = None) -> int:
        """Forget every row (a new filter or order); returns the new generation."""
        self.beginResetModel()
        if sort_key:
            self.sort_key = sort_key
        self.generation += 1
        self._rows, self._wanted, self._asked_top = RowWindow(), set(), {}
        self._total, self._more_pending, self._last_row, self._newest = None, False, 0, ""
        self._more = True
        self.endResetModel()
        return self.generation

    def page_request(self, page: int) -> tuple[dict, int]:
        """How to ask the server for `page` (query parameters) and the slot its rows start at.

        By the cursor known for that slot (or, for the next page, for the end of the slots); by number
        for page 1 and when live rows at the top have put the pages out of line with the known cursors.
        """
        start = (page - 1) * self.page_size
        if len(self._asked_top) > 64:  # answers that never came (failed requests): forget them
            self._asked_top.clear()
        if self._more_pending and start <= len(self._rows) < start + self.page_size:
            start = len(self._rows)  # fetchMore: the rows after the last slot
        cursor = self._rows.cursor_at(start)
        if cursor is not None:
            self._asked_top[start] = self._rows.top
            return {"after": cursor}, start
        start = (page - 1) * self.page_size
        self._asked_top[start] = self._rows.top
        return {"page": page}, start

    def add_page(
        self,
        page: int,
        rows: list[dict],
        total: int | None,
        generation: int | None = None,
        *,
        start: int | None = None,
        next_cursor: str | None = None,
        more: bool | None = None,
    ) -> None:
        """The server's answer for `page`: fill the slots it covers and append past the end.

        `start` is the slot from `page_request` (default: by page number); `next_cursor` and `more` come from
        the answer's pagination (without them, `total` says whether rows remain); `total` may be None.
        Runs inserted live at the top while the page was on its way moved its slots down: followed here.
        """
        if generation is not None and generation != self.generation:
            return
        self._wanted.discard(page)
        if start is None:
            start = (page - 1) * self.page_size
        start += self._asked_top.pop(start, self._rows.top) - self._rows.top
        window = self._rows
        reaches_end = start + self.page_size >= len(window)
        if reaches_end:
            self._more_pending = False
        if total is not None:
            self._total = total
        if next_cursor is not None and rows:
            window.set_cursor(start + len(rows), next_cursor)
        self._newest = max([self._newest, *(run["created_at"] for run in rows)])
        changed: list[int] = []
        appended: list[dict] = []
        for offset, run in enumerate(rows):
            row = start + offset
            if row < len(window):
                current = window.get(row)
                # An empty slot takes a run not held elsewhere; a held one takes its own fresher summary.
                free = current is None and window.row_of(run["run_id"]) is None
                if free or (current is not None and current["run_id"] == run["run_id"]):
                    window.put(row, run)
                    changed.append(row)
            elif window.row_of(run["run_id"]) is None:
                appended.append(run)
        if changed:
            self.dataChanged.emit(self.index(min(changed), 0), self.index(max(changed), len(HEADERS) - 1))
        if appended:
            first = len(window)
            self.beginInsertRows(QModelIndex(), first, first + len(appended) - 1)
            for run in appended:
                window.append(run)
            self.endInsertRows()
        if more is None:
            self._more = total is not None and len(window) < total
        elif reaches_end:
            self._more = more
        if not self._more and self._total is None:
            self._total = len(window)  # every row is here: the count is known without asking
        self._bound()

    def set_total(self, total: int, generation: int | None = None) -> None:
        """The count of runs matching the query, asked apart from the rows."""
        if generation is None or generation == self.generation:
            self._total = total

    @property
    def answered(self) -> bool:
        """Whether a page of the current query has arrived."""
        return bool(len(self._rows)) or not self._more

    def fetch_failed(self, page: int, generation: int | None = None) -> None:
        """A page request failed: allow asking again (the view will, when it next needs the rows)."""
        if generation is not None and generation != self.generation:
            return
        self._wanted.discard(page)
        self._more_pending = False

    def update_run(self, summary: dict) -> bool:
        """Replace a loaded run's summary; False when the run is not loaded."""
        row = self._rows.row_of(summary["run_id"])
        if row is None:
            return False
        self._rows.put(row, summary)
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(HEADERS) - 1))
        return True

    def update_runs(self, summaries: list[dict]) -> list[dict]:
        """Replace every loaded one of `summaries` with one `dataChanged`; returns those not loaded."""
        rows, missing = [], []
        for summary in summaries:
            row = self._rows.row_of(summary["run_id"])
            if row is None:
                missing.append(summary)
            else:
                self._rows.put(row, summary)
                rows.append(row)
        if rows:
            self.dataChanged.emit(self.index(min(rows), 0), self.index(max(rows), len(HEADERS) - 1))
        return missing

    def insert_run(self, summary: dict) -> None:
        """A run that appeared live (dispatched just now), listed first as the server would."""
        self.insert_runs([summary])

    def insert_runs(self, summaries: list[dict]) -> None:
        """Runs that appeared live, newest first, put on top in one insertion: O(len(summaries))."""
        new: dict[str, dict] = {}
        for summary in summaries:
            if not self.update_run(summary):
                new.setdefault(summary["run_id"], summary)
        if not new:
            return
        self.beginInsertRows(QModelIndex(), 0, len(new) - 1)
        self._rows.insert_on_top(list(new.values()))
        self._newest = max([self._newest, *(run["created_at"] for run in new.values())])
        if self._total is not None:
            self._total += len(new)
        self.endInsertRows()
        if self._last_row < self.page_size:
            self._last_row = 0  # a view at the top stays at the top: the new rows are what it shows
        self._bound()

    def place_runs(self, summaries: list[dict]) -> int:
        """Runs that came to match the list (live), each put where the server lists it in the default order
        (newest first; of one second, the later arrival first), one insertion per place. One whose place lies
        among evicted slots, or past the last row while the server has more, is left to paging. Returns how
        many were put."""
        new: dict[str, dict] = {}
        for summary in reversed(summaries):  # the later arrival first: it is the later created of one second
            if self._rows.row_of(summary["run_id"]) is None:
                new.setdefault(summary["run_id"], summary)
        places: list[tuple[int, dict]] = []
        row, rows = 0, len(self._rows)
        for run in sorted(new.values(), key=lambda run: run["created_at"], reverse=True):
            held = self._rows.get(row) if row < rows else None
            while held is not None and held["created_at"] > run["created_at"]:  # one walk down for all
                row += 1
                held = self._rows.get(row) if row < rows else None
            unloaded = (row < rows and held is None) or (row == rows and self._more)
            # On top even with the top's summaries dropped (as insert_runs): the slots follow the server's order.
            if unloaded and (row > 0 or run["created_at"] < self._newest):
                break  # its place is not loaded: the server lists it when those rows are asked for
            places.append((row, run))
            self._newest = max(self._newest, run["created_at"])
        for row, group in reversed([(r, [run for _, run in g]) for r, g in groupby(places, lambda p: p[0])]):
            self.beginInsertRows(QModelIndex(), row, row + len(group) - 1)
            top = self._rows.top
            self._rows.insert(row, group)
            self._follow(row, len(group), top)
            if self._total is not None:
                self._total += len(group)
            self.endInsertRows()
        if places and places[0][0] == 0 and self._last_row < self.page_size:
            self._last_row = 0  # a view at the top stays at the top: the new rows are what it shows
        self._bound()
        return len(places)

    def remove_runs(self, run_ids: Iterable[str]) -> int:
        """Drop the loaded rows of `run_ids` (runs that stopped matching the list, live), one removal per block
        of neighbouring rows; returns how many."""
        rows = sorted({row for row in map(self._rows.row_of, run_ids) if row is not None})
        blocks = [[row for _, row in g] for _, g in groupby(enumerate(rows), lambda p: p[1] - p[0])]
        for block in reversed(blocks):  # from the bottom: the rows of the blocks above keep their numbers
            self.beginRemoveRows(QModelIndex(), block[0], block[-1])
            top = self._rows.top
            self._rows.remove(block[0], len(block))
            self._follow(block[0], -len(block), top)
            if self._total is not None:
                self._total = max(0, self._total - len(block))
            self.endRemoveRows()
        return len(rows)

    def run_at(self, row: int) -> dict | None:
        return self._rows.get(row) if 0 <= row < len(self._rows) else None

    def row_of(self, run_id: str) -> int | None:
        return self._rows.row_of(run_id)

    def loaded_runs(self) -> list[dict]:
        return self._rows.loaded()

    # -- internals ------------------------------------------------------------------------------------------
    def _follow(self, first: int, count: int, top: int) -> None:
        """Keep each page on its way aimed at its rows: `count` rows were put at `first` (negative: dropped from
        it) while the window's top was `top` (`add_page` finds a page's rows by the top's change since asked)."""
        for start, asked in self._asked_top.items():
            row = start + asked - top
            if row >= first:
                row = row + count if count > 0 else max(first, row + count)
            self._asked_top[start] = row - start + self._rows.top

    def _want_row(self, row: int) -> None:
        page = row // self.page_size + 1
        if page not in self._wanted:
            self._wanted.add(page)
            self.page_wanted.emit(page)

    def _bound(self) -> None:
        """Keep memory bounded. While the view looks near the top (a monitor left open), slots past
        `max_rows` are dropped at a known cursor or page boundary, once they exceed it by a quarter (so this
        runs once per many inserts); their summaries go with them. Then, wherever the view is, summaries far
        from where it last looked are dropped down to 80% of `max_cached_rows`."""
        window = self._rows
        floor = self._last_row + self.page_size * 2  # the view and a couple of pages below it stay
        if len(window) > self.max_rows * 1.25 and floor <= self.max_rows:
            # At a known cursor if one is in reach, else at a page boundary (asked again by page number: the
            # server lists the live rows first too, so its pages line up with the slots).
            by_cursor = (row for row in reversed(window.cursor_rows()) if floor <= row <= self.max_rows)
            cut = next(by_cursor, self.max_rows // self.page_size * self.page_size)
            if cut >= floor:
                self.beginRemoveRows(QModelIndex(), cut, len(window) - 1)
                window.truncate(cut)
                self._more, self._more_pending = True, False
                self._wanted.clear()
                self.endRemoveRows()
        if window.cached > self.max_cached_rows:
            window.evict(self._last_row, self.page_size, int(self.max_cached_rows * 0.8))

    def _display(self, run: dict, col: int) -> str:
        if col == COL_STATUS:
            return fmt.status_label(run["status"])
        if col == COL_TEMPLATE:
            return run.get("template_name") or run.get("template_id") or ""
        if col == COL_REF:
            return run.get("executor_ref") or ""
        if col == COL_PROGRESS:
            return fmt.run_progress_cell(run)
        if col == COL_IDENTITY:
            return fmt.identity_text(run.get("executor_identity"))
        if col == COL_CREATED:
            return fmt.short_time(run.get("created_at"))
        if col == COL_UPDATED:
            return fmt.relative_time(run.get("updated_at"))
        if col == COL_EXPIRES:
            return fmt.short_time(run.get("expires_at")) if run.get("expires_at") else self.tr("Never")
        if col == COL_DEVICE:
            return device_words.badge(run.get("device"))
        if col == COL_FINDINGS:
            return findings_words(run.get("flagged"))
        return ""

    def _tooltip(self, run: dict, col: int) -> str | None:
        if col in (COL_CREATED, COL_UPDATED, COL_EXPIRES):
            key = {COL_CREATED: "created_at", COL_UPDATED: "updated_at", COL_EXPIRES: "expires_at"}[col]
            return run.get(key) or None
        if col == COL_STATUS and run.get("cancel_reason"):
            return self.tr("Cancelled: {0}").format(fmt.cancel_reason(run["cancel_reason"]))
        if col == COL_DEVICE:
            return device_words.explained(run.get("device"))
        if col == COL_PROGRESS:
            return fmt.run_progress_tip(run)
        if col == COL_FINDINGS and run.get("flagged"):
            return findings_tip(run["flagged"])
        return run["run_id"] if col == COL_TEMPLATE else None
