"""The dashboard's data: the period asked for, the cards, and Qt table models holding every chart's numbers
(the tables keyboard and screen-reader users read instead of the bars). No I/O: the controller feeds them."""

from __future__ import annotations

import math
import zoneinfo
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, time, timedelta
from typing import Any, ClassVar

from PySide6.QtCore import QCoreApplication, QDate, QLocale, Qt, QTimeZone
from PySide6.QtGui import QColor

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import boolean_words
from rundun_desktop.style import FINDING_COLOUR
from rundun_desktop.theme import colour
from rundun_desktop.widgets.table_model import FlatTableModel, Index
from rundun_desktop.words import QT_TRANSLATE_NOOP

STATUSES = ("pending", "in_progress", "completed", "cancelled", "expired")
STATUS_WORDS = {
    "pending": QT_TRANSLATE_NOOP("headers", "Pending"),
    "in_progress": QT_TRANSLATE_NOOP("headers", "In progress"),
    "completed": QT_TRANSLATE_NOOP("headers", "Completed"),
    "cancelled": QT_TRANSLATE_NOOP("headers", "Cancelled"),
    "expired": QT_TRANSLATE_NOOP("headers", "Expired"),
}
STATUS_COLOURS = {
    "pending": "#8a93a6",
    "in_progress": "#3b5bdb",
    "completed": "#2f9e44",
    "cancelled": "#a61e4d",
    "expired": "#f08c00",
}
PERIODS = (7, 30, 90)
CUSTOM_PERIOD = 0  # the period combo's data for "Custom…"


# UTC's other names in the IANA database: a computer set to UTC often names it "Etc/UTC" (Debian, containers),
# and the dashboard said "Days in Etc/UTC".
UTC_NAMES = frozenset(
    {"Etc/UTC", "Etc/UCT", "Etc/Universal", "Etc/Zulu", "UCT", "Universal", "Zulu"}
    | {"Etc/GMT", "Etc/GMT0", "Etc/GMT+0", "Etc/GMT-0", "Etc/Greenwich", "GMT", "GMT0", "GMT+0", "GMT-0"}
    | {"Greenwich"}
)


def laptop_zone() -> str:
    """The IANA name of this computer's time zone: "UTC" when the system names UTC otherwise, or names a zone
    the server does not know."""
    name = bytes(QTimeZone.systemTimeZoneId().data()).decode(errors="replace")
    return name if name in zoneinfo.available_timezones() and name not in UTC_NAMES else "UTC"


def day_start_utc(day: date, tz: str) -> str:
    """The first instant of `day` in `tz` as the API's UTC text (the server's own rule for buckets)."""
    local = datetime.combine(day, time(0), tzinfo=zoneinfo.ZoneInfo(tz))
    return local.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


@dataclass(frozen=True)
class Period:
    first: date
    last: date
    tz: str

    @classmethod
    def last_days(cls, days: int, tz: str, today: date | None = None) -> Period:
        today = today or datetime.now(zoneinfo.ZoneInfo(tz)).date()
        return cls(today - timedelta(days=days - 1), today, tz)

    @property
    def days(self) -> int:
        return (self.last - self.first).days + 1

    @property
    def bucket(self) -> str:
        """Days up to 45 days, weeks beyond: a 90-day chart of days has bars too thin to click."""
        return "day" if self.days <= 45 else "week"

    def params(self) -> dict[str, str]:
        return {"from": self.first.isoformat(), "to": self.last.isoformat(), "tz": self.tz}

    def created_range(self, start: date | None = None, bucket: str | None = None) -> dict[str, str]:
        """`created_since`/`created_before` of the whole period, or of one bucket clipped to it."""
        first, end = self.first, self.last + timedelta(days=1)
        if start is not None:
            length = timedelta(days=7 if (bucket or self.bucket) == "week" else 1)
            first, end = max(first, start), min(end, start + length)
        return {"created_since": day_start_utc(first, self.tz), "created_before": day_start_utc(end, self.tz)}


@dataclass(frozen=True)
class Card:
    key: str
    title: str
    value: str
    hint: str
    filters: dict[str, Any] = field(default_factory=dict)  # the monitor's filters for exactly these runs


def cards(stats: dict) -> list[Card]:
    """The six numbers a supervisor reads first, each with the runs it counts."""
    totals = stats["totals"]
    by = totals["by_status"]
    rate = stats["completion_rate"]
    p50 = stats["time_to_complete_s"]["p50"]
    completed = {"status": "completed"}
    return [
        Card(
            "dispatched",
            QCoreApplication.translate("models", "Dispatched"),
            fmt.number(totals["created"]),
            QCoreApplication.translate("models", "runs created in the period"),
            {},
        ),
        Card(
            "completed",
            QCoreApplication.translate("models", "Completed"),
            fmt.number(by["completed"]),
            QCoreApplication.translate("models", "of them completed"),
            completed,
        ),
        Card(
            "rate",
            QCoreApplication.translate("models", "Completion rate"),
            "—" if rate is None else fmt.percent(rate),
            QCoreApplication.translate("models", "completed ÷ dispatched"),
            completed,
        ),
        Card(
            "median",
            QCoreApplication.translate("models", "Median time"),
            fmt.duration(p50),
            QCoreApplication.translate("models", "from opening to completion"),
            completed,
        ),
        Card(
            "flagged",
            QCoreApplication.translate("models", "With findings"),
            fmt.number(totals["flagged_runs"]),
            QCoreApplication.translate("models", "runs with at least one finding"),
            {"flagged": True},
        ),
        Card(
            "expired",
            QCoreApplication.translate("models", "Expired"),
            fmt.number(by["expired"]),
            # Opened runs expire too, once their offline grace is over: over a year, most of the expired ones.
            QCoreApplication.translate("models", "not finished in time"),
            {"status": "expired"},
        ),
    ]


class BucketsModel(FlatTableModel):
    """Runs per day or week by status: the stacked bar chart's numbers."""

    COL_START, COL_CREATED, COL_FLAGGED = 0, 1, 7
    HEADERS: ClassVar[list[str]] = [
        QT_TRANSLATE_NOOP("headers", "Period"),
        QT_TRANSLATE_NOOP("headers", "Created"),
        *STATUS_WORDS.values(),
        QT_TRANSLATE_NOOP("headers", "With findings"),
    ]
    NUMBER_COLUMNS: ClassVar[frozenset[int] | None] = frozenset(range(1, 8))

    def __init__(self, parent=None):
        super().__init__(parent)
        self.buckets: list[dict] = []
        self.bucket = "day"

    def row_count(self) -> int:
        return len(self.buckets)

    def set_stats(self, stats: dict | None) -> None:
        self.beginResetModel()
        self.buckets = list(stats["buckets"]) if stats else []
        self.bucket = stats["bucket"] if stats else "day"
        self.endResetModel()

    def label(self, row: int) -> str:
        start = date.fromisoformat(self.buckets[row]["start"])
        if self.bucket == "week":
            return self.tr("Week of {0}").format(fmt.day_month(start))
        return QLocale().toString(QDate(start.year, start.month, start.day), f"ddd {fmt.day_form()} MMM")

    def short_label(self, row: int) -> str:
        return fmt.day_month(date.fromisoformat(self.buckets[row]["start"]))

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or role not in (
            Qt.ItemDataRole.DisplayRole,
            Qt.ItemDataRole.AccessibleTextRole,
        ):
            if role == Qt.ItemDataRole.TextAlignmentRole and index.isValid():
                return self.alignment(index.column())
            return None
        b = self.buckets[index.row()]
        column = index.column()
        if column == self.COL_START:
            return self.label(index.row())
        if column == self.COL_CREATED:
            return b["created"]
        if column == self.COL_FLAGGED:
            return b["flagged_runs"]
        return b["by_status"][STATUSES[column - 2]]


@dataclass(frozen=True)
class Bar:
    """One bar of a step's chart: its label, count, and whether its answers are findings."""

    label: str
    count: int
    finding: bool


def step_bars(step_stats: dict, step: dict) -> list[Bar]:
    """The bars of one step: yes/no, one per option, or the histogram's bins (findings marked by `flag`)."""
    values = step_stats.get("values")
    flag = step.get("flag")
    kind = step_stats["type"]
    if values is None:
        return []
    if kind == "boolean":
        config = step.get("config") or {}
        return [
            Bar(
                boolean_words(config, True),
                values["true"],
                flag is True,
            ),
            Bar(
                boolean_words(config, False),
                values["false"],
                flag is False,
            ),
        ]
    if kind in ("choice", "multi_choice"):
        labels = {o["id"]: o["label"] for o in (step.get("config") or {}).get("options", [])}
        flagged = set(flag or [])
        return [Bar(labels.get(oid, oid), n, oid in flagged) for oid, n in values.items()]
    return histogram_bars(values["histogram"], step, whole=kind == "number" and _decimals(step) == 0)


def _decimals(step: dict) -> int | None:
    decimal = (step.get("config") or {}).get("decimal")
    return decimal if isinstance(decimal, int) else None


def histogram_bars(bins: list[dict], step: dict, *, whole: bool) -> list[Bar]:
    """The server's bins (`{from, to, count}`, SPEC §14) as bars. A whole-number step's bins are labelled by the
    whole numbers they hold ("7–21", not "7–21.3"), and a bin that holds none (always empty) is left out; other
    bins' edges are rounded to the bins' width ("93–107", not "92.8–107.1"), so that ten labels fit under ten bars.
    A bin is a finding when all it holds is beyond the step's flag."""
    flag = step.get("flag")
    below, above = (flag.get("below"), flag.get("above")) if isinstance(flag, dict) else (None, None)
    ranges = whole_ranges(bins) if whole else [(b["from"], b["to"]) for b in bins]
    decimals = 0 if whole else _edge_decimals(bins, _decimals(step))
    bars = []
    for n, (b, (low, high)) in enumerate(zip(bins, ranges, strict=True)):
        if low > high:  # no whole number falls in it: nothing can (the server takes no decimals there)
            continue
        # A bin holds its lower edge, and its upper one only when it is the last (whole ranges hold both). A
        # rating's bin is one point of its scale (from = to): it holds that point, and "below 3" never marked 3.
        holds_high = whole or n == len(bins) - 1 or low == high
        all_below = below is not None and (high < below or (high == below and not holds_high))
        finding = all_below or (above is not None and low > above)
        bars.append(Bar(_range_text(low, high, decimals), b["count"], finding))
    return bars


def whole_ranges(bins: list[dict]) -> list[tuple[int, int]]:
    """(first, last) whole number each bin holds, read from the edges the server published (it counts a value
    against them: one on an inner edge belongs to the bin it starts, the largest to the last bin); first >
    last: none. No bins (no answers yet): no ranges."""
    last = len(bins) - 1
    return [
        (math.ceil(b["from"]), math.floor(b["to"]) if i == last else math.ceil(b["to"]) - 1)
        for i, b in enumerate(bins)
    ]


def _edge_decimals(bins: list[dict], step_decimals: int | None) -> int:
    """Decimals enough to tell one edge from the next: none for bins 10 wide or more, one for 1 to 10…; never more
    than the step's answers have."""
    width = max((b["to"] - b["from"] for b in bins), default=0)
    decimals = max(0, 1 - math.floor(math.log10(width))) if width > 0 else 2
    return decimals if step_decimals is None else min(decimals, step_decimals)


def _range_text(low: float, high: float, decimals: int) -> str:
    first, last = _number(low, decimals), _number(high, decimals)
    if first == last:
        return first
    # "-2 – -1" (spaced when a sign would touch the dash: "-2–-1" read as one word)
    return f"{first} – {last}" if min(low, high) < 0 else f"{first}–{last}"


def _number(value: float, decimals: int) -> str:
    """A bin's edge in the person's locale, rounded to `decimals` without trailing zeros (92.8, 93, 92,8)."""
    rounded = round(value, decimals)
    if decimals == 0 or rounded == int(rounded):
        return fmt.number(int(rounded))
    return QLocale().toString(float(rounded), "f", decimals).rstrip(QLocale().zeroDigit())


class BarsModel(FlatTableModel):
    """One step's bars as rows: what was answered, how often, and whether it is a finding."""

    COL_VALUE, COL_COUNT, COL_FINDING = 0, 1, 2
    HEADERS: ClassVar[list[str]] = [
        QT_TRANSLATE_NOOP("headers", "Answer"),
        QT_TRANSLATE_NOOP("headers", "Count"),
        QT_TRANSLATE_NOOP("headers", "Finding"),
    ]
    NUMBER_COLUMNS: ClassVar[frozenset[int] | None] = frozenset({1})

    def __init__(self, bars: list[Bar], parent=None):
        super().__init__(parent)
        self.bars = bars

    def row_count(self) -> int:
        return len(self.bars)

    def set_bars(self, bars: list[Bar]) -> None:
        self.beginResetModel()
        self.bars = bars
        self.endResetModel()

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        bar = self.bars[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.AccessibleTextRole):
            finding = QCoreApplication.translate("models", "⚠ finding") if bar.finding else ""
            return (bar.label, bar.count, finding)[index.column()]
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return self.alignment(index.column())
        if role == Qt.ItemDataRole.ForegroundRole and bar.finding and index.column() == self.COL_FINDING:
            return QColor(colour(FINDING_COLOUR))
        return None
