"""The dashboard page against the real embedded server: cards, the runs chart and its table, per-step charts
with findings marked in words, clicks through to the monitor filtered to exactly those runs, live refreshes
coalesced without blocking the window, the empty state, and PNG/PDF export."""

from __future__ import annotations

import itertools
import os
import time
import unicodedata

import pytest
from PySide6.QtCore import QPointF, Qt, QTimer
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from rundun_desktop import formatting as fmt
from rundun_desktop.dashboard.models import CUSTOM_PERIOD, BarsModel, BucketsModel, Period, cards, step_bars
from rundun_desktop.formatting import duration
from tests.desktop.conftest import pump, run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.pdf_text import pdf_text
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)

SHOTS = os.environ.get("RUNDUN_TEST_SHOTS")

FLAGGED_TEMPLATE = {
    "name": "Brake check",
    "settings": {"allow_skip": True},
    "sections": [
        {
            "id": "g-1",
            "title": "Brakes",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "Brakes OK?", "flag": False, "required": False},
                {
                    "id": "s-temp",
                    "type": "number",
                    "label": "Disc temperature",
                    "flag": {"above": 300},
                    "required": False,
                },
                {
                    "id": "s-tyre",
                    "type": "choice",
                    "label": "Tyres",
                    "required": False,
                    "config": {
                        "options": [{"id": "o-good", "label": "Good"}, {"id": "o-torn", "label": "Torn"}]
                    },
                    "flag": ["o-torn"],
                },
            ],
        }
    ],
}


def seed(app, aloop, url: str) -> dict:
    """Three runs of a flagged template: one pending, one completed with findings, one in progress without."""
    template = run(aloop, app.api.create_template(FLAGGED_TEMPLATE))
    ids = [run(aloop, app.api.dispatch_run({"template_id": template["id"]}))["run_id"] for _ in range(3)]
    finding = Executor(url, ids[1])
    run(aloop, finding.open())
    run(aloop, finding.answer("s-ok", False))
    run(aloop, finding.answer("s-temp", 320))
    run(aloop, finding.answer("s-tyre", "o-good"))
    run(aloop, finding.complete())
    fine = Executor(url, ids[2])
    run(aloop, fine.open())
    run(aloop, fine.answer("s-ok", True))
    for ex in (finding, fine):
        run(aloop, ex.http.aclose())
    return {"template": template, "pending": ids[0], "flagged": ids[1], "fine": ids[2]}


def open_dashboard(app, aloop, template_id: str | None = None):
    window = app.window
    window.show_page("dashboard")
    dashboard = window.dashboard
    wait_until(aloop, lambda: dashboard.template_count is not None and dashboard.refreshes > 0, 15)
    if template_id:
        before = dashboard.refreshes
        combo = dashboard.view.template
        wait_until(aloop, lambda: combo.findData(template_id) >= 0, 15)  # the list reloads as the page shows
        combo.setCurrentIndex(combo.findData(template_id))
        wait_until(aloop, lambda: dashboard.refreshes > before and dashboard.template_doc is not None, 15)
    return dashboard


def exported(dashboard, aloop, kind: str, path) -> None:
    """The page exported as `kind` to `path`, as its button does, once the file is written."""
    done: list[str] = []
    dashboard.exported.connect(done.append)
    try:
        dashboard.export(kind, str(path))
        wait_until(aloop, lambda: done == [str(path)], 30)
    finally:
        dashboard.exported.disconnect(done.append)


def monitor_ids(app) -> set[str]:
    model = app.window.runs.model
    return {model.run_at(row)["run_id"] for row in range(model.rowCount())}


def test_cards_charts_and_clicks_through_to_exactly_those_runs(desktop, aloop, live_server, tmp_path):
    seeded = seed(desktop, aloop, live_server.url)
    desktop.window.view.resize(1024, 700)
    dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
    view = dashboard.view
    assert view.cards["dispatched"].value.text() == "3"
    assert view.cards["completed"].value.text() == "1"
    assert view.cards["rate"].value.text() == "33%"
    assert view.cards["flagged"].value.text() == "1"
    assert view.cards["expired"].value.text() == "0"
    assert not view.empty.isVisible()

    # The runs chart's numbers are in its table too: today's row counts the three runs.
    table = view.runs_panel.table.model()
    today = [r for r in range(table.rowCount()) if table.buckets[r]["created"]]
    assert len(today) == 1 and table.data(table.index(today[0], BucketsModel.COL_CREATED)) == 3

    # Per step: the finding is a bar of its own, in words in the table and in the chart's category.
    ok_bars = dashboard.step_models["s-ok"].bars
    assert [(b.label, b.count, b.finding) for b in ok_bars] == [("Yes", 1, False), ("No", 1, True)]
    bars_model = view.step_panels["s-ok"].table.model()
    assert bars_model.data(bars_model.index(1, BarsModel.COL_FINDING)) == "⚠ finding"
    categories = view.step_panels["s-ok"].chart.chart().axes()[0].categories()
    assert "No<br>⚠ finding" in categories  # the mark on a line of its own, under the answer
    assert [b.finding for b in dashboard.step_models["s-temp"].bars] == [True]

    # A card → the monitor with exactly the runs it counts.
    view.cards["flagged"].click()
    assert desktop.window.current_page() == "runs"
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["flagged"]}, 15)
    assert "With findings" in desktop.window.runs_view.count_label.text()

    # A bar → that day's runs of that status.
    desktop.window.show_page("dashboard")
    dashboard.runs_sets["pending"].clicked.emit(today[0])
    wait_until(aloop, lambda: monitor_ids(desktop) == {seeded["pending"]}, 15)
    assert desktop.window.runs.filters()["status"] == "pending"

    # Changing a monitor control drops the dashboard's extra filters: every run again.
    desktop.window.runs_view.status_filter.setCurrentIndex(0)
    wait_until(
        aloop, lambda: monitor_ids(desktop) == {seeded["pending"], seeded["flagged"], seeded["fine"]}, 15
    )

    desktop.window.show_page("dashboard")
    png, pdf = tmp_path / "dash.png", tmp_path / "dash.pdf"
    exported(dashboard, aloop, "PNG", png)
    exported(dashboard, aloop, "PDF", pdf)
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert pdf.read_bytes()[:5] == b"%PDF-"
    text = unicodedata.normalize("NFKC", pdf_text(pdf.read_bytes()))  # real text (ligatures unfolded)
    assert "Rundun dashboard" in text and "With findings" in text and "finding" in text
    desktop.window.view.grab().save(str(tmp_path / "window-1024x700.png"))


def test_live_events_refresh_at_most_once_a_second_without_blocking(desktop, aloop, live_server):
    seeded = seed(desktop, aloop, live_server.url)
    dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
    wait_until(aloop, lambda: not dashboard._loading, 10)
    # The heartbeat counts the GUI thread's own CPU time between beats: a slot that blocks the window shows as
    # a long busy gap, while the waits a loaded machine adds (another process on the core) do not.
    busy: list[float] = []
    last = [time.thread_time()]

    def beat():
        now = time.thread_time()
        busy.append(now - last[0])
        last[0] = now

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    heartbeat.start()
    before, started = dashboard.refreshes, time.monotonic()
    for _ in range(40):  # a burst of events, as a busy team's runs change
        dashboard.on_runs_changed([{"run_id": seeded["pending"]}])
        pump(aloop, 0.05)
    run(aloop, desktop.api.dispatch_run({"template_id": seeded["template"]["id"]}))  # and a real one
    wait_until(aloop, lambda: dashboard.view.cards["dispatched"].value.text() == "4", 15)
    elapsed = time.monotonic() - started
    heartbeat.stop()
    refreshes = dashboard.refreshes - before
    assert 1 <= refreshes <= elapsed / 1.0 + 1  # coalesced: at most one a second
    # The window keeps answering: requests are awaited off the GUI thread, and redrawing takes little.
    assert len(busy) > 50 and max(busy) < 0.1, f"the GUI thread was busy for {max(busy):.3f} s at once"


def test_the_empty_state_says_what_to_do_first(desktop, aloop):
    dashboard = open_dashboard(desktop, aloop)
    wait_until(aloop, lambda: dashboard.view.empty.isVisible(), 10)
    assert "Create a template" in dashboard.view.empty.text()
    run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    run(aloop, dashboard.start())
    wait_until(aloop, lambda: "Dispatch a run" in dashboard.view.empty.text(), 10)
    period = (
        dashboard.period()
    )  # its days as the app writes days ("between 2026-11-07 and 2026-12-06" was ISO)
    words = f"between {fmt.date_text(period.first)} and {fmt.date_text(period.last)}."
    assert (
        words in dashboard.view.empty.text() and period.first.isoformat() not in dashboard.view.empty.text()
    )


def test_dark_mode_charts_use_the_dark_theme(desktop, aloop, live_server, tmp_path):
    seeded = seed(desktop, aloop, live_server.url)
    qapp = QApplication.instance()
    light = qapp.palette()
    dark = QPalette(light)
    for role, colour in ((QPalette.ColorRole.Window, "#1e2230"), (QPalette.ColorRole.WindowText, "#e8ebf3")):
        dark.setColor(role, QColor(colour))
    qapp.setPalette(dark)
    try:
        dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
        chart = dashboard.view.runs_panel.chart.chart()
        assert chart.theme() == chart.ChartTheme.ChartThemeDark
        desktop.window.view.resize(1024, 700)
        dashboard.view.grab().save(str(tmp_path / "dashboard-dark.png"))
    finally:
        qapp.setPalette(light)


STOCK_TEMPLATE = {
    "name": "Store closing",
    "settings": {"allow_skip": True},
    "sections": [
        {
            "id": "g-1",
            "title": "Store",
            "steps": [
                {
                    "id": "s-pallets",
                    "type": "number",
                    "label": "Pallets in stock",
                    "required": False,
                    "config": {"min": 0, "max": 200, "decimal": 0},
                },
                {
                    "id": "s-fridge",
                    "type": "number",
                    "label": "Fridge temperature",
                    "required": False,
                    "config": {"unit": "°C"},
                    "flag": {"below": -1, "above": 6},
                },
            ],
        }
    ],
}


def value_ticks(chart) -> list[float]:
    """Where the count axis draws its gridlines (fixed ticks: evenly from its minimum to its maximum)."""
    axis = chart.axes(Qt.Orientation.Vertical)[0]
    count = axis.tickCount()
    return [axis.min() + i * (axis.max() - axis.min()) / (count - 1) for i in range(count)]


def test_counts_stand_on_whole_gridlines_and_a_quick_median_reads_in_seconds(desktop, aloop, live_server):
    """Seven runs in a day drew gridlines at 0, 1.4, 2.8… labelled 0, 1, 2, 4, 5, 7; a median of 0 s read "1 min"."""
    template = run(aloop, desktop.api.create_template(FLAGGED_TEMPLATE))
    ids = [run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"] for _ in range(7)]
    for run_id in ids[:4]:  # opened and completed at once: done in no time
        ex = Executor(live_server.url, run_id)
        run(aloop, ex.open())
        run(aloop, ex.complete())
        run(aloop, ex.http.aclose())
    dashboard = open_dashboard(desktop, aloop)
    wait_until(aloop, lambda: dashboard.view.cards["dispatched"].value.text() == "7", 15)
    chart = dashboard.view.runs_panel.chart.chart()
    ticks = value_ticks(chart)
    assert all(t == int(t) for t in ticks), ticks
    assert ticks[0] == 0 and ticks[-1] >= 7 and len(ticks) <= 6, ticks
    p50 = dashboard.stats["time_to_complete_s"]["p50"]
    assert p50 is not None and p50 < 60
    assert dashboard.view.cards["median"].value.text() == f"{round(p50)} s"
    if SHOTS:
        desktop.window.view.grab().save(f"{SHOTS}/dashboard-runs.png")

    # A live refresh changes the numbers in place: the gridlines follow, still whole.
    run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    dashboard.refresh()
    wait_until(aloop, lambda: dashboard.view.cards["dispatched"].value.text() == "8", 15)
    assert dashboard.view.runs_panel.chart.chart() is chart  # updated, not rebuilt
    ticks = value_ticks(chart)
    assert all(t == int(t) for t in ticks) and ticks[-1] >= 8, ticks


def test_histogram_labels_are_whole_for_whole_numbers_and_fit_under_their_bars(desktop, aloop, live_server):
    """A whole-number step's bins read "7–21", not "7–21.3"; ten bins' labels and the finding mark are not cut
    ("92.8–10…", "-2–-1 ⚠ f…") in a 1024-pixel window."""
    template = run(aloop, desktop.api.create_template(STOCK_TEMPLATE))
    for pallets, fridge in ((7, -2), (10, 3), (42, 3.5), (150, 8)):
        run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"]
        ex = Executor(live_server.url, run_id)
        run(aloop, ex.open())
        run(aloop, ex.answer("s-pallets", pallets))
        run(aloop, ex.answer("s-fridge", fridge))
        run(aloop, ex.http.aclose())
    desktop.window.view.resize(1024, 700)
    dashboard = open_dashboard(desktop, aloop, template["id"])
    pallets = dashboard.step_models["s-pallets"].bars
    assert [b.label for b in pallets] == [
        "7–21", "22–35", "36–49", "50–64", "65–78", "79–92", "93–107", "108–121", "122–135", "136–150"
    ]  # fmt: skip
    assert [b.count for b in pallets] == [2, 0, 1, 0, 0, 0, 0, 0, 0, 1]
    fridge = dashboard.step_models["s-fridge"].bars
    assert [b.label for b in fridge][:3] == ["-2 – -1", "-1 – 0", "0–1"]
    assert [b.finding for b in fridge] == [True] + [False] * 8 + [True]  # below -1; above 6
    for step_id in ("s-pallets", "s-fridge"):
        view = dashboard.view.step_panels[step_id].chart
        view.grab()  # laid out and drawn at the window's width
        axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
        assert not axis.labelsTruncated(), axis.categories()
    assert "7–8<br>⚠ finding" in dashboard.view.step_panels["s-fridge"].chart.chart().axes()[0].categories()
    if SHOTS:
        dashboard.view.scroll_area.ensureWidgetVisible(dashboard.view.step_panels["s-fridge"])
        desktop.window.view.grab().save(f"{SHOTS}/dashboard-histograms.png")


# -- models without widgets -----------------------------------------------------------------------------------
STATS = {
    "from": "2026-03-02",
    "to": "2026-03-03",
    "bucket": "day",
    "tz": "UTC",
    "buckets": [
        {
            "start": "2026-03-02",
            "created": 2,
            "by_status": dict.fromkeys(("pending", "in_progress", "completed", "cancelled", "expired"), 0)
            | {"completed": 2},
            "flagged_runs": 1,
        },
        {
            "start": "2026-03-03",
            "created": 0,
            "by_status": dict.fromkeys(("pending", "in_progress", "completed", "cancelled", "expired"), 0),
            "flagged_runs": 0,
        },
    ],
    "totals": {
        "created": 2,
        "by_status": {"pending": 0, "in_progress": 0, "completed": 2, "cancelled": 0, "expired": 0},
        "flagged_runs": 1,
    },
    "completion_rate": 1.0,
    "time_to_complete_s": {"p50": 5400, "p90": 7200},
}


def test_models_pass_the_model_tester(qtmodeltester):
    buckets = BucketsModel()
    buckets.set_stats(STATS)
    qtmodeltester.check(buckets)
    assert buckets.data(buckets.index(0, 4)) == 2  # completed
    bars = BarsModel(step_bars({"type": "boolean", "values": {"true": 3, "false": 1}}, {"flag": False}))
    qtmodeltester.check(bars)


def test_durations_under_a_minute_are_seconds():
    assert [duration(s) for s in (0, 8, 45, 59.4)] == ["0 s", "8 s", "45 s", "59 s"]
    assert [duration(s) for s in (59.6, 79, 3000, 3599, 5400, 86300, 172800)] == [
        "1 min", "1 min", "50 min", "1 h", "1.5 h", "1 d", "2 d"
    ]  # fmt: skip
    assert duration(None) == "—"


def test_count_axes_step_by_one_two_five():
    from rundun_desktop.dashboard.charts import count_scale

    assert [count_scale(top) for top in (0, 1, 5, 7, 11, 26, 101)] == [
        (1, 1), (1, 1), (5, 1), (8, 2), (15, 5), (30, 10), (150, 50)
    ]  # fmt: skip


def test_whole_number_bins_name_the_whole_numbers_they_count():
    """The server's bins (at most ten equal ones) of a whole-number step, read as the numbers each holds: every
    answer under a label that names it, no bin that can hold none."""
    from server.services.step_stats import _number_bins

    def span(label: str) -> tuple[int, int]:
        ends = label.replace(",", "").split(" – " if " – " in label else "–")
        return int(ends[0]), int(ends[-1])

    for values in ([0, 3], [7, 10, 42, 150], [-5, 17], [1, 1000], [4, 4]):
        bins = _number_bins(sorted((v, 1) for v in values))
        bars = step_bars({"type": "number", "values": {"histogram": bins}}, {"config": {"decimal": 0}})
        spans = [span(bar.label) for bar in bars]
        assert all(low <= high for low, high in spans) and sum(bar.count for bar in bars) == len(values)
        for before, after in itertools.pairwise(spans):
            assert before[1] + 1 == after[0], spans  # every whole number in one bin, none left out
        for value in values:
            assert any(low <= value <= high and bar.count for (low, high), bar in zip(spans, bars)), (
                value,
                spans,
            )
    bins = _number_bins([(0, 1), (3, 1)])
    assert [b.label for b in step_bars({"type": "number", "values": {"histogram": bins}}, {"config": {"decimal": 0}})] == [
        "0", "1", "2", "3"
    ]  # fmt: skip
    # A step no one has answered yet: no bins, no bars (its first render raised IndexError).
    assert step_bars({"type": "number", "values": {"histogram": []}}, {"config": {"decimal": 0}}) == []


def test_cards_and_bars_from_numbers():
    by_key = {c.key: c for c in cards(STATS)}
    assert by_key["rate"].value == "100%" and by_key["median"].value == "1.5 h"
    assert by_key["flagged"].filters == {"flagged": True}
    assert by_key["expired"].filters == {"status": "expired"}
    # Expired runs are those not finished in time, opened or not (an opened run expires after its offline
    # grace): on a fleet's year most of them had been opened, and the card called them "never opened".
    assert by_key["expired"].hint == "not finished in time"
    histogram = {
        "min": 1,
        "max": 9,
        "mean": 5,
        "p50": 5,
        "histogram": [{"from": 1, "to": 5, "count": 2}, {"from": 5, "to": 9, "count": 1}],
    }
    bars = step_bars({"type": "number", "values": histogram}, {"flag": {"below": None, "above": 6}})
    assert [(b.label, b.finding) for b in bars] == [("1–5", False), ("5–9", False)]
    bars = step_bars({"type": "number", "values": histogram}, {"flag": {"below": 5.5, "above": None}})
    assert [b.finding for b in bars] == [True, False]
    choice = step_bars(
        {"type": "choice", "values": {"o-a": 1, "o-b": 0}},
        {"flag": ["o-b"], "config": {"options": [{"id": "o-a", "label": "A"}, {"id": "o-b", "label": "B"}]}},
    )
    assert [(b.label, b.count, b.finding) for b in choice] == [("A", 1, False), ("B", 0, True)]
    assert step_bars({"type": "text", "values": None}, {}) == []


def test_a_bucket_clicked_maps_to_its_utc_range_in_the_laptops_zone():
    from datetime import date

    period = Period(date(2026, 3, 27), date(2026, 4, 2), "Europe/Berlin")
    assert period.created_range(date(2026, 3, 29), "day") == {
        "created_since": "2026-03-28T23:00:00Z",
        "created_before": "2026-03-29T22:00:00Z",  # summer time began that night
    }
    assert period.created_range(date(2026, 3, 23), "week") == {  # the week starts before the period
        "created_since": "2026-03-26T23:00:00Z",
        "created_before": "2026-03-29T22:00:00Z",
    }


def test_the_runs_charts_title_is_a_whole_sentence_in_the_apps_language(qapp):
    """The chart's title in German and Arabic names the day in their words (it read "المهام لكل day، …")."""
    from rundun_desktop.dashboard.charts import ChartView, runs_chart
    from rundun_desktop.i18n import words_in

    buckets = BucketsModel()
    buckets.set_stats(STATS)  # one bucket a day
    titles = {}
    for language in ("de", "ar"):
        view = ChartView("runs")
        with words_in(language):
            runs_chart(buckets, view)
        titles[language] = view.chart().title()
        view.deleteLater()
    assert titles == {
        "de": "Durchläufe pro Tag, nach aktuellem Status",
        "ar": "المهام لكل يوم، حسب الحالة الآن",
    }


def test_the_median_time_and_the_charts_days_are_in_the_apps_language(qapp):
    """In German the median card read "1.5 h" and the chart's days "02 Mar": English units and months."""
    from PySide6.QtCore import QLocale

    from rundun_desktop.i18n import words_in

    buckets = BucketsModel()
    buckets.set_stats(STATS)
    QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    try:
        with words_in("de"):
            median = {c.key: c for c in cards(STATS)}["median"].value
            days = [buckets.short_label(row) for row in range(buckets.rowCount())]
    finally:
        QLocale.setDefault(QLocale.system())
    assert median == "1,5 Std."
    assert days[:2] == ["2. März", "3. März"]


def test_a_month_of_days_names_the_bars_under_them_and_today_always(qapp):
    """Thirty days show a date every few bars. Each label centred on a group of bars, "4 Dec" stood under the
    bars of 4 and 5 December, and the runs dispatched today read as yesterday's."""
    from datetime import date

    from rundun_desktop.dashboard.charts import ChartView, runs_chart

    days, buckets = month_of_days(date(2026, 11, 6))
    view = ChartView("runs")
    runs_chart(buckets, view)
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    named = {label: axis.endValue(label) for label in axis.categoriesLabels()}
    view.deleteLater()
    assert 4 <= len(named) <= 10  # every few bars, not all thirty
    for label, at in named.items():
        assert at == int(at) and buckets.short_label(int(at)) == label  # under the bar it names
    assert max(named.values()) == len(days) - 1  # the newest day (today's) has its date


@pytest.mark.usefixtures("catalogs")
def test_a_cards_hint_on_two_lines_stays_inside_its_card(request, tmp_path, aloop):
    """In German at 1024 px "Durchläufe mit mindestens einem Befund" wraps: the card kept one line's height,
    and the hint ran into the number above it and out of the card's bottom."""
    app = desktop_in("de", request, tmp_path)
    app.window.view.resize(1024, 700)
    dashboard = open_dashboard(app, aloop)
    wrapped = 0
    for card in dashboard.view.cards.values():
        wait_until(aloop, lambda card=card: card.hint.text() != "" and card.hint.height() > 0, 10)
        hint, value = card.hint.geometry(), card.value.geometry()
        lines = card.hint.height() // card.hint.fontMetrics().lineSpacing()
        wrapped += lines > 1
        assert hint.top() >= value.bottom(), card.title.text()  # below its number, not over it
        assert hint.bottom() <= card.contentsRect().bottom(), card.title.text()  # inside the card
        needed = card.hint.heightForWidth(card.hint.width())
        assert card.hint.height() >= needed, (card.title.text(), card.hint.height(), needed)  # every line
    assert wrapped, "no hint wrapped: the test shows nothing at this width"
    rows = {}
    for card in dashboard.view.cards.values():
        rows.setdefault(card.y(), set()).add(card.height())
    assert all(len(heights) == 1 for heights in rows.values()), rows  # a row's cards alike


def test_in_arabic_the_cards_and_the_charts_axes_write_the_same_digits(qapp):
    """The cards read "٤" beside a chart whose axis read 0 1 2 3 4, and the rate "0%" in Latin digits."""
    from PySide6.QtCore import QLocale

    from rundun_desktop.dashboard.charts import ChartView, runs_chart

    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    try:
        values = {c.key: c.value for c in cards({**STATS, "completion_rate": 0.4})}
        assert values["dispatched"] == "٢" and values["rate"].startswith("٤٠٪")  # (then a direction mark)
        buckets = BucketsModel()
        buckets.set_stats(STATS)
        view = ChartView("runs")
        runs_chart(buckets, view)
        chart = view.chart()
        assert chart.localizeNumbers() and chart.locale().language() == QLocale.Language.Arabic
        view.resize(600, 320)
        view.show()
        qapp.processEvents()
        image = view.grab().toImage()
        area = chart.plotArea().toRect()
        axis_ink = [  # the count axis's labels, left of the plot (a localized "%d" drew none)
            (x, y)
            for x in range(max(0, area.left() - 4))
            for y in range(area.top(), area.bottom())
            if image.pixelColor(x, y).lightness() < 128
        ]
        assert axis_ink, "no labels on the count axis"
        view.deleteLater()
    finally:
        QLocale.setDefault(before)


def test_the_custom_periods_dates_read_as_every_other_date(desktop, aloop):
    """The From and To boxes wrote "2026-11-06" where every other date of the app reads "6 Nov 2026"."""
    from PySide6.QtCore import QDate

    view = open_dashboard(desktop, aloop).view
    view.date_from.setDate(QDate(2026, 11, 6))
    assert view.date_from.text() == "6 Nov 2026"


@pytest.mark.usefixtures("catalogs")
def test_a_card_clicked_names_its_days_in_the_apps_language(request, tmp_path, aloop):
    """The monitor opened from a card said "Abgeschlossen, 01 Dec – 03 Dec" in German: strftime's months."""
    from PySide6.QtCore import QDate

    app = desktop_in("de", request, tmp_path)
    dashboard = open_dashboard(app, aloop)
    view = dashboard.view
    view.period.setCurrentIndex(view.period.findData(CUSTOM_PERIOD))
    view.date_from.setDate(QDate(2026, 12, 1))
    view.date_to.setDate(QDate(2026, 12, 3))
    before = dashboard.refreshes
    wait_until(aloop, lambda: dashboard.refreshes > before and dashboard.stats is not None, 15)
    view.cards["completed"].click()
    assert app.window.current_page() == "runs"
    label = app.window.runs_view.count_label
    wait_until(aloop, lambda: "1. Dez. – 3. Dez." in label.text(), 15)
    assert "Dec" not in label.text() and "Abgeschlossen" in label.text(), label.text()


def test_every_bars_count_stands_readable_above_it_however_short_the_bar(qapp):
    """A finding answered 3 times beside 37 ordinary answers drew its "3" inside a bar a few pixels tall, under
    the axis; one finding among 400 answers showed neither bar nor number. Each count now stands above its bar,
    inside the plot, in ink; a live refresh rewrites them in place."""
    from rundun_desktop.dashboard.charts import ChartView, step_chart
    from rundun_desktop.dashboard.models import Bar

    view = ChartView("step")
    view.resize(880, 230)
    view.show()
    for bars in (
        [Bar("Yes", 3, True), Bar("No", 37, False)],
        [Bar("Yes", 1, True), Bar("No", 400, False)],
        [Bar("A", 40, False), Bar("B", 38, True), Bar("C", 0, False)],
    ):
        step_chart("Any damage?", bars, view)
        qapp.processEvents()
        assert view.numbers.texts() == [str(bar.count) if bar.count else "" for bar in bars]
        chart, image = view.chart(), view.grab().toImage()
        series = chart.series()[0]
        for index, (bar, item) in enumerate(zip(bars, view.numbers.items, strict=False)):
            if not bar.count:
                continue
            where = item.sceneBoundingRect()
            bar_top = chart.mapToPosition(QPointF(index, bar.count), series).y()
            assert chart.plotArea().top() <= where.top() and where.bottom() <= bar_top + 0.5, (bar, where)
            ink = [
                (x, y)
                for x in range(int(where.left()), int(where.right()))
                for y in range(int(where.top()), int(where.bottom()))
                if image.pixelColor(x, y).lightness() < 100
            ]
            assert ink, f"no visible number above {bar}"

    step_chart("Any damage?", [Bar("A", 41, False), Bar("B", 38, True), Bar("C", 2, False)], view)
    assert view.numbers.texts() == ["41", "38", "2"]  # the same chart, updated in place
    view.deleteLater()


def test_a_chart_built_anew_leaves_no_old_chart_behind(qapp):
    """QChartView hands a replaced chart back to its maker, which had let go of it: each chart built anew (the
    runs chart on a new day or another period, a step's on a new bar) stayed in memory, some 500 KB each, in an
    app a supervisor keeps open for weeks."""
    from datetime import date, timedelta

    from PySide6.QtCore import QCoreApplication, QEvent

    from rundun_desktop.dashboard.charts import ChartView, runs_chart, step_chart
    from rundun_desktop.dashboard.models import Bar

    gone: list[str] = []

    def built(view: ChartView, name: str) -> None:
        view.chart().destroyed.connect(lambda *_: gone.append(name))

    steps, runs = ChartView("step"), ChartView("runs")
    empty = dict.fromkeys(("pending", "in_progress", "completed", "cancelled", "expired"), 0)
    for n in range(4):  # four shapes each: four charts built, three replaced
        step_chart("t", [Bar(f"value {n}", 1, False)], steps)
        built(steps, f"step {n}")
        day = date(2026, 12, 1) + timedelta(days=n)  # the next day: other dates under the bars
        buckets = BucketsModel()
        buckets.set_stats(
            {
                **STATS,
                "from": day.isoformat(),
                "to": day.isoformat(),
                "buckets": [{"start": day.isoformat(), "created": 1, "by_status": empty, "flagged_runs": 0}],
            }
        )
        runs_chart(buckets, runs)
        built(runs, f"runs {n}")
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
    assert sorted(gone) == [f"runs {n}" for n in range(3)] + [f"step {n}" for n in range(3)]
    steps.deleteLater()
    runs.deleteLater()


RATED = {
    "name": "Guest stay",
    "sections": [
        {
            "id": "g-one",
            "title": "Stay",
            "steps": [
                {
                    "id": "s-clean",
                    "type": "rating",
                    "label": "Cleanliness",
                    "config": {"min": 1, "max": 5},
                    "flag": {"below": 3},
                }
            ],
        }
    ],
}


def test_a_ratings_findings_are_the_points_below_its_flag_not_the_flag_itself(desktop, aloop, live_server):
    """A rating flagged below 3: the chart marked 1, 2 and 3 as findings (its orange bars held 99 answers where
    the server counted 65 findings): a rating's bin is one point, and the point 3 is no finding."""
    template = run(aloop, desktop.api.create_template(RATED))
    for value in (1, 2, 2, 3, 3, 4, 5):
        run_id = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))["run_id"]
        executor = Executor(live_server.url, run_id)
        run(aloop, executor.open())
        run(aloop, executor.answer("s-clean", value))
        run(aloop, executor.complete())
        run(aloop, executor.http.aclose())
    stats = run(aloop, desktop.api.template_stats(template["id"]))
    entry = next(e for e in stats["steps"] if e["step_id"] == "s-clean")
    bars = step_bars(entry, RATED["sections"][0]["steps"][0])
    assert [(b.label, b.count, b.finding) for b in bars] == [
        ("1", 1, True),
        ("2", 2, True),
        ("3", 2, False),
        ("4", 1, False),
        ("5", 1, False),
    ]
    assert sum(b.count for b in bars if b.finding) == entry["flagged"] == 3


def test_a_custom_period_longer_than_a_year_brings_its_other_date_along(desktop, aloop, qtbot):
    """From set to 6 Nov 2024 with To on 6 Dec 2026: the server refused the period ("query.to: must be at most
    366 days from from"), and the previous period's numbers stayed on screen under the new dates."""
    from PySide6.QtCore import QDate

    dashboard = open_dashboard(desktop, aloop)
    view = dashboard.view
    view.period.setCurrentIndex(view.period.findData(CUSTOM_PERIOD))
    view.date_to.setDate(QDate(2026, 12, 6))
    before = dashboard.refreshes
    view.date_from.setFocus()
    view.date_from.setDate(QDate(2024, 11, 6))  # as the date edit sets it when a person types it
    wait_until(aloop, lambda: dashboard.refreshes > before and not dashboard._loading, 15)
    assert view.date_to.date() == QDate(2025, 11, 6)  # 366 days, both ends included
    assert dashboard.stats is not None and dashboard.stats["from"] == "2024-11-06"
    assert view.message.isVisible()
    assert view.message.text() == "A period covers a year at most: the other date moved to 6 Nov 2025."
    before = dashboard.refreshes
    view.date_to.setDate(QDate(2025, 6, 1))  # within a year: no word about it any more
    wait_until(aloop, lambda: dashboard.refreshes > before and not dashboard._loading, 15)
    assert not view.message.isVisible()


def test_a_histograms_ranges_are_readable_under_narrow_bars(qapp, qtbot):
    """Ten bins of a meter reading ("871–1,314") under bars some 50 px wide were cut to "871–1,…" and
    "1,315–…", on screen and so in the exports: each range now reads whole, broken after its dash."""
    import html

    from rundun_desktop.dashboard.charts import ChartView, step_chart
    from rundun_desktop.dashboard.models import Bar

    edges = [426 + 444 * i for i in range(11)]
    bars = [
        Bar(f"{fmt.number(lo + (i > 0))}–{fmt.number(hi)}", 3, i == 9)
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    ]
    view = ChartView("Electricity meter reading")
    view.resize(620, 270)
    view.show()
    step_chart("Electricity meter reading", bars, view)
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    # Laid out and drawn; the labels' new lines are laid out on the next pass.
    qtbot.waitUntil(lambda: not view.grab().isNull() and not axis.labelsTruncated(), timeout=30000)
    shown = [html.unescape(text.replace("<br>", "")) for text in axis.categories()]
    assert shown[1] == "871–1,314" and shown[2] == "1,315–1,758" and shown[9] == "4,423–4,866⚠"
    view.deleteLater()


@pytest.mark.parametrize("direction", [Qt.LayoutDirection.LeftToRight, Qt.LayoutDirection.RightToLeft])
def test_a_numbers_tables_headers_stand_over_their_numbers(qapp, request, direction):
    """The "With findings" header was centred over numbers at the column's far right: numbers and their headers
    are now at the same side (right; left in Arabic), words and theirs at the other."""
    from rundun_desktop.dashboard.view import numbers_table

    qapp.setLayoutDirection(direction)  # as the app is in Arabic
    request.addfinalizer(lambda: qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight))
    model = BucketsModel()
    model.set_stats(STATS)
    table = numbers_table("Runs by status: numbers")
    table.setModel(model)
    table.resize(900, 200)
    table.show()
    qapp.processEvents()
    header = table.horizontalHeader()
    image = header.grab().toImage()

    def ink(section: int) -> tuple[int, int]:
        """The leftmost and rightmost dark columns of a section of the header."""
        left = header.sectionViewportPosition(section)
        xs = [
            x
            for x in range(left + 1, left + header.sectionSize(section) - 1)
            if any(image.pixelColor(x, y).lightness() < 110 for y in range(2, image.height() - 2))
        ]
        return min(xs), max(xs)

    for section in (BucketsModel.COL_FLAGGED, BucketsModel.COL_START):
        left = header.sectionViewportPosition(section)
        first, last = ink(section)
        numbers = section != BucketsModel.COL_START
        at_right = numbers == (direction == Qt.LayoutDirection.LeftToRight)
        if at_right:  # the words end near the section's right edge
            assert left + header.sectionSize(section) - last < 16, (section, first, last, left)
        else:
            assert first - left < 16, (section, first, last, left)
    flagged = model.index(0, BucketsModel.COL_FLAGGED)
    assert (
        model.data(flagged, Qt.ItemDataRole.TextAlignmentRole)
        == model.headerData(
            BucketsModel.COL_FLAGGED, Qt.Orientation.Horizontal, Qt.ItemDataRole.TextAlignmentRole
        )
        or direction == Qt.LayoutDirection.RightToLeft
    )
    table.deleteLater()


def pdf_pages(path) -> list[str]:
    import subprocess

    pages = int(
        next(
            line.split()[-1]
            for line in subprocess.run(
                ["pdfinfo", str(path)], capture_output=True, text=True, check=True
            ).stdout.splitlines()
            if line.startswith("Pages:")
        )
    )
    return [
        subprocess.run(
            ["pdftotext", "-layout", "-f", str(n), "-l", str(n), str(path), "-"],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
        for n in range(1, pages + 1)
    ]


def test_the_exports_hold_the_content_whole_on_pages_and_no_controls(desktop, aloop, live_server, tmp_path):
    """The PDF was the screen cut into A4 slices (a chart's bars at the bottom of one page and the top of the
    next) and the PNG a screenshot, buttons and filter boxes included. Both now hold the content: a heading,
    the filters in words, the cards, and each chart and each table whole on one page."""
    from PySide6.QtGui import QImage

    seeded = seed(desktop, aloop, live_server.url)
    desktop.window.view.resize(1024, 700)
    dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
    png, pdf = tmp_path / "dash.png", tmp_path / "dash.pdf"
    exported(dashboard, aloop, "PDF", pdf)
    exported(dashboard, aloop, "PNG", png)
    pages = [unicodedata.normalize("NFKC", page) for page in pdf_pages(pdf)]
    text = "\n".join(pages)
    assert len(pages) >= 2, text
    for words in (
        "Period: Last 30 days",
        "Template: Brake check",
        "Version: Latest version",
        "Executor: any",
    ):
        assert words in text, words
    for control in ("PNG", "PDF", "Custom…", "Executor reference", "Refresh"):
        assert control not in text, control
    # Each chart and each table whole on one page: its title with its last words (the axis' last category; the
    # table's last row).
    for title, last in (
        ("Brakes OK?", "finding"),
        ("Tyres", "Torn"),
        ("Brakes OK?: numbers", "⚠ finding"),
        ("Tyres: numbers", "Torn"),
        ("Runs by status: numbers", fmt.day_month(dashboard.period().last).split()[0]),
    ):
        page = next(p for p in pages if title in p)
        assert last in page.split(title, 1)[1], (title, page)
    image = QImage(str(png))
    page = dashboard.view.page
    assert not image.isNull() and image.size() != page.grab().toImage().size()
    # A picture of the content, not of the screen: no row of the page's buttons in it.
    assert image.width() < image.height()
    if SHOTS:
        image.save(f"{SHOTS}/dashboard-export.png")


def test_the_png_is_encoded_and_written_while_the_window_keeps_turning(desktop, aloop, live_server, tmp_path):
    """A long dashboard's picture (a template of 500 steps: 1576×25016 pixels) held the window a second while it
    was encoded. Written here into a pipe that is read only once the GUI thread has turned meanwhile: before, it
    was written on the GUI thread, which stood still until the read gave up waiting."""
    import threading

    from PySide6.QtGui import QImage

    seeded = seed(desktop, aloop, live_server.url)
    dashboard = open_dashboard(desktop, aloop, seeded["template"]["id"])
    pipe = tmp_path / "dash.png"
    os.mkfifo(pipe)
    beats: list[int] = []
    started, turned, release = threading.Event(), threading.Event(), threading.Event()

    def beat() -> None:
        beats.append(1)
        if started.is_set() and len(beats) >= 5:
            turned.set()

    heartbeat = QTimer()
    heartbeat.setInterval(10)
    heartbeat.timeout.connect(beat)
    read: list[tuple[bool, bytes]] = []

    def reader() -> None:
        release.wait(15)  # once the window turned while the file waited to be written; before, it never did
        with open(pipe, "rb") as f:
            read.append((turned.is_set(), f.read()))

    threading.Thread(target=reader, daemon=True).start()
    done: list[str] = []
    dashboard.exported.connect(done.append)
    heartbeat.start()
    try:
        beats.clear()
        started.set()
        dashboard.export("PNG", str(pipe))
        wait_until(aloop, turned.is_set, 30)
        assert not done and not dashboard.view.png_button.isEnabled()  # busy until written
        release.set()
        wait_until(aloop, lambda: done == [str(pipe)] and bool(read), 60)
    finally:
        release.set()
        heartbeat.stop()
    assert read[0][0], "the window stood still while the PNG was written"
    image = QImage.fromData(read[0][1], "PNG")
    assert not image.isNull() and image.width() < image.height()
    assert dashboard.view.png_button.isEnabled() and dashboard.view.message.text() == f"Saved {pipe}."


def test_a_table_longer_than_a_page_goes_on_over_pages_with_its_header_and_whole_rows(qapp, tmp_path):
    """A 45-day period's table of days is taller than an A4 page: it goes on over the next page, its header
    written again, and no row is cut by the page's end."""
    from datetime import date, timedelta

    from rundun_desktop.dashboard import export

    first = date(2026, 1, 1)
    empty = dict.fromkeys(("pending", "in_progress", "completed", "cancelled", "expired"), 0)
    model = BucketsModel()
    model.set_stats(
        {
            **STATS,
            "buckets": [
                {
                    "start": (first + timedelta(days=i)).isoformat(),
                    "created": i,
                    "by_status": empty,
                    "flagged_runs": 0,
                }
                for i in range(45)
            ],
        }
    )
    pdf = tmp_path / "long.pdf"
    table = export.table_block("Runs by status: numbers", model)
    export.save_pdf([export.text_block("Rundun dashboard"), table], str(pdf), "long")
    pages = [unicodedata.normalize("NFKC", page) for page in pdf_pages(pdf)]  # ligatures unfolded
    assert len(pages) == 2
    for page in pages:
        assert "With findings" in page  # the header on each page
    rows = [
        line.split()
        for page in pages
        for line in page.splitlines()
        if line.strip()[:3] in {"Thu", "Fri", "Sat", "Sun", "Mon", "Tue", "Wed"}
    ]
    assert [int(row[3]) for row in rows] == list(range(45))  # every row once, whole, in order


def test_the_newest_date_under_a_month_of_days_is_whole(qapp):
    """Under thirty days' bars the newest date stands centred under the last bar, at the plot's edge: in Arabic
    its second half ("٧ ديسمبر") was cut by the chart's edge. The chart keeps room for it."""
    from datetime import date

    from PySide6.QtCore import QLocale

    from rundun_desktop.dashboard.charts import ChartView, runs_chart

    QLocale.setDefault(QLocale(QLocale.Language.Arabic, QLocale.Country.Egypt))
    qapp.setLayoutDirection(Qt.LayoutDirection.RightToLeft)  # the Arabic app's
    try:
        _days, buckets = month_of_days(date(2026, 11, 8))  # the dates in Arabic
        view = ChartView("runs")
        runs_chart(buckets, view)
        view.resize(900, 320)
        view.show()
        qapp.processEvents()
        chart = view.chart()
        image = view.grab().toImage()
        plot = chart.plotArea().toRect()
        band = range(plot.bottom() + 2, plot.bottom() + 24)  # the dates under the bars
        inked = [x for x in range(image.width()) for y in band if image.pixelColor(x, y).lightness() < 160]
        assert inked and max(inked) < image.width() - 4 - 2  # whole, inside the chart's own margin
        view.deleteLater()
    finally:
        QLocale.setDefault(QLocale.system())
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


def month_of_days(first):
    """Thirty days from `first`, no runs: (the days, the buckets model of a day each)."""
    from datetime import timedelta

    days = [first + timedelta(days=n) for n in range(30)]
    empty = dict.fromkeys(("pending", "in_progress", "completed", "cancelled", "expired"), 0)
    stats = {
        **STATS,
        "from": days[0].isoformat(),
        "to": days[-1].isoformat(),
        "buckets": [
            {"start": day.isoformat(), "created": 0, "by_status": empty, "flagged_runs": 0} for day in days
        ],
    }
    buckets = BucketsModel()
    buckets.set_stats(stats)
    return days, buckets


def test_a_step_chart_fits_its_words_once_at_the_width_it_is_shown(qapp, qtbot, monkeypatch):
    """Choosing a template held the window some 300 ms: each step chart's words were fitted at every width the
    page passed through while laid out, and each fit laid the chart out again, which fitted them again (a chart
    built before its page laid it out was left with its words cut). Now they are fitted once, at the width the
    chart is shown at, and whole there."""
    from PySide6.QtWidgets import QVBoxLayout, QWidget

    from rundun_desktop.dashboard import charts
    from rundun_desktop.dashboard.models import Bar

    depth, calls, most = [0], [], [0]
    fit = charts.fit_labels

    def counted(axis, bars, width):
        depth[0] += 1
        most[0] = max(most[0], depth[0])
        calls.append(width)
        try:
            fit(axis, bars, width)
        finally:
            depth[0] -= 1

    monkeypatch.setattr(charts, "fit_labels", counted)
    edges = [426 + 444 * i for i in range(11)]
    bars = [
        Bar(f"{fmt.number(lo + (i > 0))}–{fmt.number(hi)}", 3, i == 9)
        for i, (lo, hi) in enumerate(itertools.pairwise(edges))
    ]
    page = QWidget()
    QVBoxLayout(page).addWidget(view := charts.ChartView("Electricity meter reading"))
    page.resize(1024, 300)
    page.show()
    qtbot.waitExposed(page)
    changes: list[list[str]] = []
    charts.step_chart(
        "Electricity meter reading", bars, view
    )  # before the page lays it out, as a choice does
    axis = view.chart().axes(Qt.Orientation.Horizontal)[0]
    axis.categoriesChanged.connect(lambda: changes.append(axis.categories()))
    qtbot.waitUntil(lambda: not view.grab().isNull() and calls != [], timeout=30000)
    view.grab()  # laid out again if the words changed
    assert most[0] == 1, "fitting the words fitted them again"
    assert calls == [view.chart().plotArea().width()], calls
    assert len(changes) <= 1, changes
    assert not axis.labelsTruncated(), axis.categories()
    page.deleteLater()
