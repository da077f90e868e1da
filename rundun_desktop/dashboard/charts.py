"""QtCharts for the dashboard, built from the table models (the same numbers the tables show).

QtCharts (PySide6-Addons) rather than painting by hand: stacked bars, axes, legends, hover and click per
bar come with it, and at most 366 buckets × 5 statuses it draws in a few milliseconds (see the README).
The theme follows the palette, so the charts stay readable in dark mode.
"""

from __future__ import annotations

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QMargins, Qt, Signal
from PySide6.QtGui import QColor, QGuiApplication, QPainter, QPalette

from rundun_desktop.dashboard.models import (
    FINDING_COLOUR,
    STATUS_COLOURS,
    STATUS_WORDS,
    STATUSES,
    Bar,
    BucketsModel,
)
from rundun_desktop.theme import colour

ORDINARY_COLOUR = "#4c6ef5"


def dark_mode() -> bool:
    """Whether the window background is dark (a dark system scheme or palette)."""
    return QGuiApplication.palette().color(QPalette.ColorRole.Window).lightness() < 128


def _chart(title: str) -> QChart:
    chart = QChart()
    chart.setTitle(title)
    chart.setTheme(QChart.ChartTheme.ChartThemeDark if dark_mode() else QChart.ChartTheme.ChartThemeLight)
    chart.setBackgroundRoundness(6)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)  # redrawn on every live refresh
    return chart


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    axis.setRange(0, max(1, top))
    axis.setLabelFormat("%d")
    axis.setTickCount(min(6, max(2, top + 1)))
    return axis


class ChartView(QChartView):
    """A chart view with an accessible name, antialiased, and a signal per clicked bar: (set name, index)."""

    bar_clicked = Signal(str, int)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.shape: tuple | None = (
            None  # what the chart shows (bars, labels): same shape → values updated in place
        )
        self.sets: dict[str, QBarSet] = {}
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(220)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def connect_sets(self, sets: dict[str, QBarSet]) -> None:
        self.sets = sets
        for key, bar_set in sets.items():
            bar_set.clicked.connect(lambda index, key=key: self.bar_clicked.emit(key, index))

    def update_in_place(self, shape: tuple, title: str, values: dict[str, list[int]], top: int) -> bool:
        """New numbers for the same bars: replaced in the existing sets, no new chart (a live refresh costs
        a repaint, not a rebuild). False when the shape changed and the chart must be built anew."""
        if self.shape != shape or self.chart() is None:
            return False
        chart = self.chart()
        chart.setTitle(title)
        for key, numbers in values.items():
            bar_set = self.sets[key]
            for i, n in enumerate(numbers):
                if bar_set.at(i) != n:
                    bar_set.replace(i, n)
        for axis in chart.axes(Qt.Orientation.Vertical):
            axis.setRange(0, max(1, top))
        return True


def _dates_axis(labels: list[str]) -> QBarCategoryAxis | QCategoryAxis:
    """One date under each bar while they fit (up to 14); beyond, a date under every few bars, each label
    centred on the bars it starts (bar i stands at x = i)."""
    if len(labels) <= 14:
        axis = QBarCategoryAxis()
        axis.append(labels)
        return axis
    per_label = -(-len(labels) // 8)
    spread = QCategoryAxis()
    spread.setRange(-0.5, len(labels) - 0.5)
    spread.setStartValue(-0.5)
    for first in range(0, len(labels), per_label):
        spread.append(labels[first], min(len(labels), first + per_label) - 0.5)
    spread.setGridLineVisible(False)
    return spread


def runs_chart(model: BucketsModel, view: ChartView) -> dict[str, QBarSet]:
    """Runs per bucket stacked by status; returns the bar sets by status (tests click them)."""
    # Whole sentences: pieces glued around an English "day" read "المهام لكل day، …" in Arabic.
    title = (
        QCoreApplication.translate("charts", "Runs per week, by status now")
        if model.bucket == "week"
        else QCoreApplication.translate("charts", "Runs per day, by status now")
    )
    labels = [model.short_label(row) for row in range(model.rowCount())]
    numbers = {
        status: [model.data(model.index(row, column)) for row in range(model.rowCount())]
        for column, status in enumerate(STATUSES, start=2)
    }
    top = max((model.buckets[r]["created"] for r in range(model.rowCount())), default=0)
    shape = (dark_mode(), *labels)
    if view.update_in_place(shape, title, numbers, top):
        return view.sets
    chart = _chart(title)
    series = QStackedBarSeries()
    sets: dict[str, QBarSet] = {}
    for status in STATUSES:
        bar_set = QBarSet(QCoreApplication.translate("headers", STATUS_WORDS[status]))
        bar_set.setColor(QColor(colour(STATUS_COLOURS[status])))
        bar_set.setBorderColor(QColor(colour(STATUS_COLOURS[status])))
        bar_set.append(numbers[status])
        series.append(bar_set)
        sets[status] = bar_set
    chart.addSeries(series)
    chart.addAxis(_dates_axis(labels), Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(chart.axes(Qt.Orientation.Horizontal)[0])
    values = _value_axis(top)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view.setChart(chart)
    view.connect_sets(sets)
    view.shape = shape
    return sets


def step_chart(title: str, bars: list[Bar], view: ChartView) -> dict[str, QBarSet]:
    """One step's answers: ordinary bars and finding bars (warning colour, labelled "finding" in the
    legend and in the category text, so colour is never the only sign)."""
    shape = (dark_mode(), *((bar.label, bar.finding) for bar in bars))
    numbers = {
        "answers": [0 if bar.finding else bar.count for bar in bars],
        "finding": [bar.count if bar.finding else 0 for bar in bars],
    }
    if view.update_in_place(shape, title, numbers, max((bar.count for bar in bars), default=0)):
        return view.sets
    chart = _chart(title)
    series = QStackedBarSeries()  # one of the two sets is 0 in each category: every bar stays centred
    series.setBarWidth(0.6)
    ordinary, findings = (
        QBarSet(QCoreApplication.translate("charts", "Answers")),
        QBarSet(QCoreApplication.translate("charts", "Finding")),
    )
    ordinary.setColor(QColor(ORDINARY_COLOUR))
    findings.setColor(QColor(colour(FINDING_COLOUR)))
    for bar in bars:
        ordinary.append(0 if bar.finding else bar.count)
        findings.append(bar.count if bar.finding else 0)
    series.append(ordinary)
    if any(bar.finding for bar in bars):
        series.append(findings)
    series.setLabelsVisible(True)
    series.setLabelsPosition(QStackedBarSeries.LabelsPosition.LabelsInsideEnd)
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([f"{bar.label} ⚠ finding" if bar.finding else bar.label for bar in bars])
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    values = _value_axis(max((bar.count for bar in bars), default=0))
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    chart.legend().setVisible(any(bar.finding for bar in bars))
    view.setChart(chart)
    view.connect_sets({"answers": ordinary, "finding": findings})
    view.shape = shape
    return view.sets
