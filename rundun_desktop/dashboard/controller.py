"""The dashboard's behaviour: ask the server for the numbers of the chosen period, template and executor,
feed the models and charts, refresh on live events at most once a second, open the monitor on exactly the
runs a card or bar counts, and export the page."""

from __future__ import annotations

import asyncio
import contextlib
import time
from collections.abc import Callable
from datetime import date, timedelta

from PySide6.QtCore import QCoreApplication, QDate, QObject, QTimer, Signal
from PySide6.QtWidgets import QDateEdit, QLabel
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop.api_client import ApiClient, ApiError
from rundun_desktop.app_events import AppEvents
from rundun_desktop.dashboard import charts, export
from rundun_desktop.dashboard.models import (
    CUSTOM_PERIOD,
    STATUS_WORDS,
    BarsModel,
    BucketsModel,
    Period,
    cards,
    laptop_zone,
    step_bars,
)
from rundun_desktop.dashboard.view import ChartPanel, DashboardView
from rundun_desktop.widgets.common import error_text, fill_template_combo

MAX_PERIOD_DAYS = 366  # the server's longest period, its first and last days included

MIN_REFRESH_INTERVAL_S = 1.0  # live events are coalesced: at most one refresh a second
OpenRuns = Callable[[dict, str], None]  # (monitor filters, the same in words)


class DashboardController(QObject):
    refreshed = Signal()  # the page shows fresh numbers (tests wait on it)
    exported = Signal(str)  # a PNG or PDF was written

    def __init__(
        self,
        api: ApiClient,
        events: AppEvents,
        view: DashboardView,
        open_runs: OpenRuns,
        *,
        tz: str | None = None,
        parent: QObject | None = None,
    ):
        super().__init__(parent)
        self.api, self.events, self.view, self.open_runs = api, events, view, open_runs
        self.tz = tz or laptop_zone()
        self.buckets = BucketsModel(self)
        self.stats: dict | None = None
        self.template_doc: dict | None = None
        self.step_models: dict[str, BarsModel] = {}
        self.runs_sets: dict = {}
        self.refreshes = 0
        self.template_count: int | None = None  # None until the list arrives
        self._loading = False
        self.exporting = False  # a PNG or PDF is being written: another waits for it
        self._closed = False
        self._again = False
        self._last_refresh = 0.0
        self._live_timer = QTimer(self)
        self._live_timer.setSingleShot(True)
        self._live_timer.timeout.connect(self.refresh)
        self._typing_timer = QTimer(self)
        self._typing_timer.setSingleShot(True)
        self._typing_timer.setInterval(400)
        self._typing_timer.timeout.connect(self.refresh)
        self._period_note = ""  # why the custom period's dates are not as set (a year at most)

        view.zone.setText(self.tr("Days in {0}").format(self.tz))
        view.runs_panel.table.setModel(self.buckets)
        view.runs_panel.chart.bar_clicked.connect(self._bar_clicked)
        view.card_clicked.connect(self._card_clicked)
        view.period.currentIndexChanged.connect(self._period_changed)
        view.date_from.dateChanged.connect(lambda _d: self._dates_changed(view.date_from))
        view.date_to.dateChanged.connect(lambda _d: self._dates_changed(view.date_to))
        view.template.currentIndexChanged.connect(self._template_changed)
        view.version.currentIndexChanged.connect(lambda _i: self.refresh())
        view.executor_ref.textChanged.connect(lambda _t: self._typing_timer.start())
        view.refresh_button.clicked.connect(self.refresh)
        view.png_button.clicked.connect(lambda: self._export("PNG"))
        view.pdf_button.clicked.connect(lambda: self._export("PDF"))
        events.runs_changed.connect(self.on_runs_changed)
        events.connected.connect(self.start)
        view.shown.connect(self.start)

    def shutdown(self) -> None:
        """The app is closing: nothing more is asked, and answers still on their way are dropped."""
        self._closed = True
        self._live_timer.stop()
        self._typing_timer.stop()

    # -- what is asked ----------------------------------------------------------------------------------------
    def period(self) -> Period:
        days = self.view.period.currentData()
        if days == CUSTOM_PERIOD:
            first = date.fromisoformat(self.view.date_from.date().toString("yyyy-MM-dd"))
            last = date.fromisoformat(self.view.date_to.date().toString("yyyy-MM-dd"))
            return Period(min(first, last), max(first, last), self.tz)
        return Period.last_days(days, self.tz)

    def scope(self) -> dict:
        """Filters the runs chart, the cards and the monitor share."""
        return {
            "template_id": self.view.template.currentData(),
            "executor_ref": self.view.executor_ref.text().strip() or None,
        }

    def _period_changed(self, _index: int) -> None:
        self._period_note = ""
        custom = self.view.period.currentData() == CUSTOM_PERIOD
        self.view.date_from.setEnabled(custom)
        self.view.date_to.setEnabled(custom)
        if custom:
            current = self.period() if self.stats is None else Period.last_days(30, self.tz)
            for edit, day in ((self.view.date_from, current.first), (self.view.date_to, current.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.refresh()

    def _dates_changed(self, moved: QDateEdit) -> None:
        """A custom period spans a year at most (the server's limit, 366 days counted inclusively): a date set
        further from the other one brings the other along, and says so. A From set to 6 Nov 2024 answered a raw
        "query.to: must be at most 366 days from from" over the previous period's numbers."""
        other = self.view.date_to if moved is self.view.date_from else self.view.date_from
        here, there = _day(moved), _day(other)
        self._period_note = ""
        if abs((there - here).days) >= MAX_PERIOD_DAYS:
            span = timedelta(days=MAX_PERIOD_DAYS - 1)
            day = here + span if there > here else here - span  # on the side the other date was
            other.blockSignals(True)
            other.setDate(QDate(day.year, day.month, day.day))
            other.blockSignals(False)
            self._period_note = self.tr(
                "A period covers a year at most: the other date moved to {0}."
            ).format(fmt.date_text(day))
            self.view.message.show_notice(self._period_note)
        self.refresh()

    # -- loading ----------------------------------------------------------------------------------------------
    @asyncSlot()
    async def start(self) -> None:
        """On (re)connection: the template list, then the numbers."""
        try:
            templates = await self.api.all_templates()
        except ApiError as exc:
            if self._closed:
                return
            self.view.message.show_error(
                self.tr("Templates could not be loaded. {0}").format(error_text(exc))
            )
            templates = []
        if self._closed:
            return
        fill_template_combo(self.view.template, templates)
        self.template_count = len(templates)
        await self._load_versions()
        if not self._closed:
            self.refresh()

    @asyncSlot(int)
    async def _template_changed(self, _index: int) -> None:
        await self._load_versions()
        if not self._closed:
            self.refresh()

    async def _load_versions(self) -> None:
        combo = self.view.version
        kept = combo.currentData()
        combo.blockSignals(True)
        combo.clear()
        template_id = self.view.template.currentData()
        combo.setEnabled(template_id is not None)
        combo.addItem(self.tr("Latest version"), None)
        combo.blockSignals(False)
        if template_id is None:
            return
        try:
            versions = await self.api.template_versions(template_id)
        except ApiError:
            return  # the latest version still works; the refresh reports a lost connection
        if self._closed or self.view.template.currentData() != template_id:
            return
        combo.blockSignals(True)
        for version in versions:
            combo.addItem(self.tr("Version {0}").format(fmt.version_number(version["v"])), version["v"])
        combo.setCurrentIndex(max(0, combo.findData(kept)) if kept else 0)
        combo.blockSignals(False)

    def on_runs_changed(self, _runs: list) -> None:
        """Live events: one refresh at most every second, however many events arrive; none while the page is
        not shown (showing it refreshes)."""
        if self._live_timer.isActive() or not self.view.isVisible():
            return
        wait = MIN_REFRESH_INTERVAL_S - (time.monotonic() - self._last_refresh)
        self._live_timer.start(max(0, int(wait * 1000)))

    @asyncSlot()
    async def refresh(self) -> None:
        if self._closed:
            return
        if self._loading:
            self._again = True
            return
        self._loading = True
        self._last_refresh = time.monotonic()
        try:
            period, scope = self.period(), self.scope()
            version = self.view.version.currentData()
            params = {**period.params(), "bucket": period.bucket, **{k: v for k, v in scope.items() if v}}
            asks = [self.api.run_stats(**params)]
            if scope["template_id"]:
                asks.append(self.api.template_stats(scope["template_id"], v=version, **period.params()))
                asks.append(self.api.get_template(scope["template_id"], version))
            answers = await asyncio.gather(*asks)
        except ApiError as exc:
            if not self._closed:
                self.view.message.show_error(
                    self.tr("The numbers could not be loaded. {0}").format(error_text(exc))
                )
            return
        finally:
            self._loading = False
            if self._again and not self._closed:
                self._again = False
                self.on_runs_changed([])
        if self._closed:
            return
        if self._period_note:
            self.view.message.show_notice(self._period_note)  # the numbers are of the period it says
        else:
            self.view.message.clear_message()
        self.stats = answers[0]
        self._show_runs(period, scope)
        self._show_steps(*(answers[1:] if len(answers) == 3 else (None, None)))
        self.refreshes += 1
        self.refreshed.emit()

    def _show_runs(self, period: Period, scope: dict) -> None:
        assert self.stats is not None
        if self.view.period.currentData() != CUSTOM_PERIOD:  # the date fields show the period, greyed out
            for edit, day in ((self.view.date_from, period.first), (self.view.date_to, period.last)):
                edit.blockSignals(True)
                edit.setDate(QDate(day.year, day.month, day.day))
                edit.blockSignals(False)
        self.buckets.set_stats(self.stats)
        self.view.show_cards(cards(self.stats))
        self.runs_sets = charts.runs_chart(self.buckets, self.view.runs_panel.chart)
        if self.stats["totals"]["created"]:
            self.view.show_empty(None)
        elif self.template_count == 0:
            self.view.show_empty(
                self.tr(
                    "Nothing to show yet.\nCreate a template on the Templates page, then dispatch a run from the Runs page: how your runs go will show here."
                )
            )
        elif any(scope.values()):
            self.view.show_empty(
                self.tr("No runs match these filters between {0} and {1}.").format(
                    fmt.date_text(period.first), fmt.date_text(period.last)
                )
            )
        else:
            self.view.show_empty(
                self.tr(
                    "No runs were dispatched between {0} and {1}.\nDispatch a run from the Runs page, or choose a longer period."
                ).format(fmt.date_text(period.first), fmt.date_text(period.last))
            )

    def _show_steps(self, stats: dict | None, template: dict | None) -> None:
        """One chart per step; the panels stay while the template version does, so a live refresh only
        replaces numbers (building charts anew is what costs the GUI thread)."""
        view = self.view
        same = (
            template is not None
            and self.template_doc is not None
            and ((template["id"], template["v"]) == (self.template_doc["id"], self.template_doc["v"]))
        )
        if not same:
            view.clear_steps()
            self.step_models = {}
        self.template_doc = template
        if stats is None or template is None:
            view.steps_title.setText(self.tr("Answers per step"))
            view.steps_hint.setText(
                self.tr("Choose a template above to see how each of its steps was answered.")
            )
            return
        view.steps_title.setText(
            self.tr("Answers per step — {0}, version {1}").format(
                template["name"], fmt.version_number(stats["v"])
            )
        )
        view.steps_hint.setText(
            self.tr(
                "%Ln run(s) of this version in the period. Findings are marked “⚠ finding” and drawn in orange; every chart's numbers are on its Numbers tab.",
                "",
                stats["runs"],
            )
        )
        steps = {s["id"]: s for section in template["sections"] for s in section["steps"]}
        for entry in stats["steps"]:
            step = steps.get(entry["step_id"], {"label": entry["step_id"]})
            found = entry["flagged"]
            counts = self.tr("{0} answered, {1} skipped, %Ln finding(s)", "", found).format(
                fmt.number(entry["answered"]), fmt.number(entry["skipped"])
            )
            bars = step_bars(entry, step)
            if not bars:
                note = view.step_notes.get(entry["step_id"])
                if note is not None:
                    note.setText(f"{step['label']} — {counts}")
                elif entry["type"] != "instruction":
                    view.add_step_note(entry["step_id"], f"{step['label']} — {counts}")
                continue
            panel = view.step_panels.get(entry["step_id"]) or view.add_step_panel(
                entry["step_id"], step["label"]
            )
            model = self.step_models.get(entry["step_id"])
            if model is None:
                model = self.step_models[entry["step_id"]] = BarsModel(bars, self)
                panel.table.setModel(model)
            else:
                model.set_bars(bars)
            charts.step_chart(f"{step['label']} — {counts}", bars, panel.chart)

    # -- to the monitor ---------------------------------------------------------------------------------------
    def _base_filters(self) -> dict:
        return {k: v for k, v in self.scope().items() if v}

    def _card_clicked(self, key: str) -> None:
        if self.stats is None:
            return
        chosen = next(c for c in cards(self.stats) if c.key == key)
        period = self.period()
        filters = {**self._base_filters(), **period.created_range(), **chosen.filters}
        # In the app's language, as the charts' days (strftime wrote English months in every language).
        days = f"{fmt.day_month(period.first)} – {fmt.day_month(period.last)}"
        self.open_runs(filters, f"{chosen.title}, {days}")

    def _bar_clicked(self, status: str, index: int) -> None:
        if self.stats is None or not 0 <= index < len(self.buckets.buckets):
            return
        period = self.period()
        start = date.fromisoformat(self.buckets.buckets[index]["start"])
        filters = {
            **self._base_filters(),
            **period.created_range(start, self.stats["bucket"]),
            "status": status,
        }
        self.open_runs(
            filters,
            f"{QCoreApplication.translate('headers', STATUS_WORDS[status])}, {self.buckets.label(index)}",
        )

    # -- export -----------------------------------------------------------------------------------------------
    def _export(self, kind: str) -> None:
        path = self.view.ask_save_path(kind)
        if path:
            self.export(kind, path)

    def export_title(self) -> str:
        return self.tr("Rundun dashboard — {0} to {1}").format(
            fmt.date_text(self.period().first), fmt.date_text(self.period().last)
        )

    def export_blocks(self) -> list[export.Block]:
        """What the page shows, without its controls: a heading, the filters in words, then the cards, the
        charts and their numbers (or the empty state's words)."""
        view = self.view
        ref = view.executor_ref.text().strip()
        blocks = [
            export.text_block(self.export_title(), 18, bold=True),
            export.text_block(
                " · ".join((self.tr("Period: {0}").format(view.period.currentText()), view.zone.text())),
                muted=True,
            ),
            export.text_block(
                " · ".join(
                    (
                        self.tr("Template: {0}").format(view.template.currentText()),
                        self.tr("Version: {0}").format(view.version.currentText()),
                        self.tr("Executor: {0}").format(ref) if ref else self.tr("Executor: any"),
                    )
                ),
                muted=True,
            ),
        ]
        if not view.empty.isHidden():
            return [*blocks, export.text_block(view.empty.text(), 14)]
        cards = [(c.title.text(), c.value.text(), c.hint.text()) for c in view.cards.values()]
        blocks += [export.cards_block(cards), *_panel_blocks(view.runs_panel)]
        blocks += [
            export.text_block(view.steps_title.text(), 15, bold=True),
            export.text_block(view.steps_hint.text(), muted=True),
        ]
        for index in range(view.steps_box.count()):
            item = view.steps_box.itemAt(index)
            widget = item.widget() if item is not None else None
            if isinstance(widget, ChartPanel):
                blocks += _panel_blocks(widget)
            elif widget is not None and (note := widget.findChild(QLabel)) is not None:
                blocks.append(export.text_block(note.text()))
        return blocks

    @asyncSlot(str, str)
    async def export(self, kind: str, path: str) -> None:
        """The page's content, without its controls, on one image (PNG) or on A4 pages (PDF). The image is
        painted here (the charts are the page's) and encoded on a worker thread; its buttons wait meanwhile."""
        if self.exporting:
            return  # one at a time
        self.exporting = True
        buttons = (self.view.png_button, self.view.pdf_button)
        for b in buttons:
            b.setEnabled(False)
        try:
            if kind == "PNG":
                await asyncio.to_thread(export.write_png, export.paint_png(self.export_blocks()), path)
            else:
                export.save_pdf(self.export_blocks(), path, self.export_title())
        except OSError as exc:
            with contextlib.suppress(RuntimeError):  # the window was closed meanwhile
                self.view.message.show_error(self.tr("The export failed: {0}").format(exc))
            return
        finally:
            self.exporting = False
            with contextlib.suppress(RuntimeError):
                for b in buttons:
                    b.setEnabled(True)
        with contextlib.suppress(RuntimeError):
            self.view.message.show_notice(self.tr("Saved {0}.").format(path))
        self.exported.emit(path)


def _panel_blocks(panel: ChartPanel) -> list[export.Block]:
    """A chart, then its numbers (each whole on a page)."""
    blocks = [export.chart_block(panel.chart)]
    model = panel.table.model()
    if model is not None:
        blocks.append(export.table_block(panel.table.accessibleName(), model))
    return blocks


def _day(edit: QDateEdit) -> date:
    return date.fromisoformat(edit.date().toString("yyyy-MM-dd"))
