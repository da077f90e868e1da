"""QtCharts for the dashboard, built from the table models (the same numbers the tables show).

QtCharts (PySide6-Addons) rather than painting by hand: stacked bars, axes, legends, hover and click per
bar come with it, and at most 366 buckets × 5 statuses it draws in a few milliseconds (see the README).
The theme follows the palette, so the charts stay readable in dark mode.
"""

from __future__ import annotations

import html

from PySide6.QtCharts import (
    QBarCategoryAxis,
    QBarSet,
    QCategoryAxis,
    QChart,
    QChartView,
    QStackedBarSeries,
    QValueAxis,
)
from PySide6.QtCore import QCoreApplication, QLocale, QMargins, QPointF, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QFontMetricsF, QGuiApplication, QPainter, QPalette
from PySide6.QtWidgets import QGraphicsSimpleTextItem

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
    chart.setLocale(QLocale())  # axis numbers in the app's digits (Arabic's ٠١٢ beside the cards' own)
    chart.setLocalizeNumbers(True)
    return chart


MAX_STEPS = 5  # gridlines above 0 on a count axis


def count_scale(top: int) -> tuple[int, int]:
    """(axis top, step) for counts up to `top`: a step of 1, 2, 5, 10, 20, 50… that needs at most five gridlines
    above 0, and the top the next multiple of it. Every gridline is a whole number, so a bar of 1 ends on the "1"
    line (six even ticks from 0 to 7 stood at 1.4, 2.8… and were labelled 1, 2, 4)."""
    magnitude = 1
    while True:
        for step in (magnitude, 2 * magnitude, 5 * magnitude):
            steps = -(-top // step)  # rounded up
            if steps <= MAX_STEPS:
                return max(1, steps) * step, step
        magnitude *= 10


def fit_count_axis(axis: QValueAxis, top: int) -> None:
    high, step = count_scale(top)
    axis.setRange(0, high)
    axis.setTickType(QValueAxis.TickType.TicksFixed)
    axis.setTickCount(high // step + 1)


def _value_axis(top: int) -> QValueAxis:
    axis = QValueAxis()
    # Whole numbers; "%.0f", not "%d": with the chart's numbers localized a value is formatted as the double it
    # is, and "%d" wrote nothing at all.
    axis.setLabelFormat("%.0f")
    fit_count_axis(axis, top)
    return axis


def with_headroom(top: int) -> int:
    """The count a step chart's axis must reach for the number written above its tallest bar to fit under the
    axis' top: a fifth more (at least one)."""
    return top + max(1, -(-top // 5))


class BarNumbers:
    """Each bar's count, written just above it in the axis' colour. QtCharts writes a stacked bar's number
    inside the bar, at its top: a finding answered 3 times beside 37 others showed a bar a few pixels tall and
    no "3", and one finding among 400 answers showed neither bar nor number. Its position outside the bar is
    ignored for stacked series, so the numbers are items of the chart, placed on every change of its plot."""

    def __init__(self, chart: QChart, series: QStackedBarSeries, colour: QColor):
        self.chart, self.series, self.colour = chart, series, colour
        self.items: list[QGraphicsSimpleTextItem] = []
        self.counts: list[int] = []
        chart.plotAreaChanged.connect(self.place)

    def show(self, counts: list[int]) -> None:
        while len(self.items) < len(counts):
            item = QGraphicsSimpleTextItem(self.chart)
            item.setBrush(self.colour)
            item.setZValue(10)  # above the bars and the grid
            self.items.append(item)
        self.counts = counts
        locale = QLocale()
        for item, count in zip(self.items, counts, strict=False):
            item.setText(locale.toString(count))
        self.place()

    def texts(self) -> list[str]:
        """What is written above each bar ("" where nothing is: a count of 0)."""
        return [item.text() if item.isVisible() else "" for item in self.items[: len(self.counts)]]

    def place(self, *_: object) -> None:
        for index, (item, count) in enumerate(zip(self.items, self.counts, strict=False)):
            item.setVisible(count > 0)
            top = self.chart.mapToPosition(QPointF(index, count), self.series)
            size = item.boundingRect()
            item.setPos(top.x() - size.width() / 2, top.y() - size.height() - 1)


class ChartView(QChartView):
    """A chart view with an accessible name, antialiased, and a signal per clicked bar: (set name, index)."""

    bar_clicked = Signal(str, int)

    def __init__(self, name: str, parent=None):
        super().__init__(parent)
        self.shape: tuple | None = (
            None  # what the chart shows (bars, labels): same shape → values updated in place
        )
        self.sets: dict[str, QBarSet] = {}
        self.numbers: BarNumbers | None = None  # a step chart's counts above its bars
        self.labels: LabelFitter | None = None  # a step chart's words under its bars
        self.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setAccessibleName(name)
        self.setMinimumHeight(220)
        self.setCursor(Qt.CursorShape.PointingHandCursor)

    def replace_chart(self, chart: QChart) -> None:
        """Show `chart`, deleting the one it replaces: QChartView hands the old chart back to its maker, and
        PySide's maker had let go of it, so each chart rebuilt (a new day on the runs chart, another period, a
        new bar on a step's) stayed in memory, some 500 KB each."""
        old = self.chart()
        self.setChart(chart)
        if old is not None:
            old.deleteLater()

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
            if isinstance(axis, QValueAxis):
                fit_count_axis(axis, top)
        return True


def _dates_axis(labels: list[str]) -> QBarCategoryAxis | QCategoryAxis:
    """One date under each bar while they fit (up to 14); beyond, a date under every few bars, each under
    the very bar it names (bar i stands at x = i), counted back from the newest: today's bar always has its
    date. Centred on a group of bars instead, "4 Dec" stood under the bars of 4 and 5 December, and a run
    dispatched today read as yesterday's."""
    if len(labels) <= 14:
        axis = QBarCategoryAxis()
        axis.append(labels)
        return axis
    per_label = -(-len(labels) // 8)
    spread = QCategoryAxis()
    spread.setRange(-0.5, len(labels) - 0.5)
    spread.setStartValue(-0.5)
    spread.setLabelsPosition(QCategoryAxis.AxisLabelsPosition.AxisLabelsPositionOnValue)
    for bar in reversed(range(len(labels) - 1, -1, -per_label)):
        spread.append(labels[bar], bar)
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
    dates = _dates_axis(labels)
    chart.addAxis(dates, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(dates)
    if isinstance(dates, QCategoryAxis) and labels:
        # The newest date stands centred under the last bar, at the plot's edge: half of it lay past the
        # chart's margin, and the Arabic "٧ ديسمبر" was cut. The margin on that side holds that half.
        half = int(QFontMetricsF(dates.labelsFont()).horizontalAdvance(labels[-1]) / 2) + 1
        chart.setMargins(QMargins(4, 4, 4 + half, 4))
    values = _value_axis(top)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view.replace_chart(chart)
    view.connect_sets(sets)
    view.shape = shape
    return sets


def category_text(bar: Bar, *, wrapped: bool = False, short: bool = False) -> str:
    """A bar's words under it (the axis draws them as HTML): a finding's mark on a line of its own, so that ten
    bins' ranges and the mark fit side by side ("-2–-1 ⚠ f…" was cut to the bar's width). `wrapped`: a bin's
    range on two lines, broken after its dash ("871–" over "1,314"), for bars too narrow for it on one.
    `short`: the mark without its word, "⚠" (the legend names the colour and the Numbers tab the finding)."""
    label = html.escape(bar.label)
    if wrapped and "–" in bar.label:
        low, high = bar.label.split("–", 1)
        label = f"{html.escape(low.rstrip())}–<br>{html.escape(high.lstrip())}"
    if not bar.finding:
        return label
    if short:
        return f"{label}<br>⚠"
    mark = QCoreApplication.translate(
        "charts", "⚠ finding"
    )  # a call of its own: lupdate missed it in the f-string
    return f"{label}<br>{html.escape(mark)}"


LABEL_PADDING = 4  # px each side of a category's words (QtCharts' own)


def _widest(metrics: QFontMetricsF, categories: list[str]) -> float:
    lines = [html.unescape(line) for text in categories for line in text.split("<br>")]
    return max((metrics.horizontalAdvance(line) for line in lines), default=0.0)


def fit_labels(axis: QBarCategoryAxis, bars: list[Bar], plot_width: float) -> None:
    """Each bin's range whole under its bar: on one line where it fits, else broken after its dash onto two
    ("871–1,…" and "1,315–…" were cut to bars 53 px wide), and a finding's mark then a bare "⚠"; cut only when
    even the range's halves are wider than the bar. (QtCharts cuts a category's words to the plot's width over
    one more than the categories.)"""
    metrics = QFontMetricsF(axis.labelsFont())
    room = plot_width / max(1, len(bars)) - 2 * LABEL_PADDING
    texts = [category_text(bar) for bar in bars]
    if _widest(metrics, texts) > room:
        texts = [category_text(bar, wrapped=True) for bar in bars]
    if _widest(metrics, texts) > room:
        texts = [category_text(bar, wrapped=True, short=True) for bar in bars]
    if axis.categories() != texts:
        axis.setCategories(texts)
    axis.setTruncateLabels(_widest(metrics, texts) > room)


class LabelFitter:
    """Fits a step chart's category words to its bars once its plot has settled: on the turn of the event loop
    after the plot last changed, at the width it then has. Fitted on every change of the plot, the words were
    set at each passing width while the page was laid out (the view's default size, then its place in the
    page), and each new set of words laid the chart out again, which changed its plot and fitted them again:
    choosing a template with two dozen charts held the window some 200 ms."""

    def __init__(self, chart: QChart, axis: QBarCategoryAxis, bars: list[Bar]):
        self.chart, self.axis, self.bars = chart, axis, bars
        self.pending = False
        chart.plotAreaChanged.connect(self.request)

    def request(self, *_: object) -> None:
        if not self.pending:
            self.pending = True
            QTimer.singleShot(0, self.chart, self.fit)  # dropped with the chart when it is replaced first

    def fit(self) -> None:
        self.pending = False
        fit_labels(self.axis, self.bars, self.chart.plotArea().width())


def step_chart(title: str, bars: list[Bar], view: ChartView) -> dict[str, QBarSet]:
    """One step's answers: ordinary bars and finding bars (warning colour, labelled "finding" in the
    legend and in the category text, so colour is never the only sign)."""
    shape = (dark_mode(), *((bar.label, bar.finding) for bar in bars))
    numbers = {
        "answers": [0 if bar.finding else bar.count for bar in bars],
        "finding": [bar.count if bar.finding else 0 for bar in bars],
    }
    counts = [bar.count for bar in bars]
    top = with_headroom(max(counts, default=0))
    if view.update_in_place(shape, title, numbers, top):
        if view.numbers is not None:
            view.numbers.show(counts)
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
    chart.addSeries(series)
    categories = QBarCategoryAxis()
    categories.append([category_text(bar) for bar in bars])
    view.labels = LabelFitter(chart, categories, list(bars))
    chart.addAxis(categories, Qt.AlignmentFlag.AlignBottom)
    series.attachAxis(categories)
    values = _value_axis(top)
    chart.addAxis(values, Qt.AlignmentFlag.AlignLeft)
    series.attachAxis(values)
    chart.legend().setVisible(any(bar.finding for bar in bars))
    view.replace_chart(chart)
    view.numbers = BarNumbers(chart, series, values.labelsColor())
    view.numbers.show(counts)
    view.connect_sets({"answers": ordinary, "finding": findings})
    view.shape = shape
    return view.sets
