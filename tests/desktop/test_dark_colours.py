"""Readable in the dark scheme, on every page (issue 24): no background of the light scheme is left
hard-coded in a style sheet (the app's, a page's or a single widget's), no text colour of a sheet or an item
model falls under WCAG's 4.5:1 against its background, and the colours painted by hand (status pills, the
findings) keep that contrast in both schemes.

The pages are walked in the real app against the real embedded server, with a run that holds findings
open in the monitor's detail, the editor on its template, a run open in the Executor, and the dispatch
dialog; the offscreen platform cannot switch the system's scheme, so the test emits the very signal the
platform sends."""

from __future__ import annotations

import re

import pytest
from PySide6.QtCore import QAbstractListModel, Qt
from PySide6.QtGui import QBrush, QColor, QPalette
from PySide6.QtWidgets import QAbstractItemView, QApplication, QHeaderView, QWidget

from rundun_desktop import formatting as fmt
from rundun_desktop import theme
from rundun_desktop.style import FINDING_COLOUR
from tests.desktop.conftest import run, wait_until
from tests.desktop.test_dashboard import monitor_ids, open_dashboard, seed

LIGHT_SURFACE = 0.35  # relative luminance above which a background is a light surface (the accent is 0.30)
TEXT_CONTRAST = 4.5  # WCAG 2 AA for text
_RULE = re.compile(r"([^{}]*)\{([^{}]*)\}")
_COLOUR = re.compile(r"#[0-9a-fA-F]{6}\b|\bwhite\b")


def luminance(colour: QColor) -> float:
    def linear(c: float) -> float:
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    return 0.2126 * linear(colour.redF()) + 0.7152 * linear(colour.greenF()) + 0.0722 * linear(colour.blueF())


def contrast(a: QColor, b: QColor) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def sheet_rules(sheet: str) -> dict[str, dict[str, QColor]]:
    """Per selector (a widget's own sheet without one: ""), its background and text colours; a later rule
    for the same selector wins, as in Qt."""
    sheet = re.sub(r"/\*.*?\*/", "", sheet, flags=re.DOTALL)
    blocks = _RULE.findall(sheet) if "{" in sheet else [("", sheet)]
    rules: dict[str, dict[str, QColor]] = {}
    for selector, body in blocks:
        props = rules.setdefault(" ".join(selector.split()), {})
        for declaration in body.split(";"):
            name, _, value = declaration.partition(":")
            name = name.strip().lower()
            found = _COLOUR.search(value)
            if found and name in ("background", "background-color", "color"):
                props["color" if name == "color" else "background"] = QColor(found.group(0))
    return rules


def sheet_problems(where: str, sheet: str, base: QColor) -> list[str]:
    problems = []
    for selector, props in sheet_rules(sheet).items():
        background = props.get("background")
        if background is not None and luminance(background) > LIGHT_SURFACE:
            problems.append(
                f"{where}: {selector or '(own sheet)'} has the light background {background.name()}"
            )
        text = props.get("color")
        if text is not None and ":disabled" not in selector:  # WCAG exempts inactive controls
            against = background or base
            if contrast(text, against) < TEXT_CONTRAST:
                problems.append(
                    f"{where}: {selector or '(own sheet)'} writes {text.name()} on {against.name()} "
                    f"({contrast(text, against):.1f}:1)"
                )
    return problems


def _colour(value) -> QColor | None:
    if isinstance(value, QBrush):
        return value.color()
    return value if isinstance(value, QColor) else None


def model_problems(where: str, view: QAbstractItemView) -> list[str]:
    model, problems = view.model(), []
    if model is None:
        return problems
    base = view.palette().color(QPalette.ColorRole.Base)
    root = view.rootIndex()
    columns = 1 if isinstance(model, QAbstractListModel) else model.columnCount(root)  # a list's is private
    for row in range(min(model.rowCount(root), 60)):
        for column in range(columns):
            index = model.index(row, column, root)
            background = _colour(model.data(index, Qt.ItemDataRole.BackgroundRole))
            if background is not None and luminance(background) > LIGHT_SURFACE:
                problems.append(f"{where} row {row} column {column}: light background {background.name()}")
            text = _colour(model.data(index, Qt.ItemDataRole.ForegroundRole))
            against = background or base
            if text is not None and contrast(text, against) < TEXT_CONTRAST:
                problems.append(
                    f"{where} row {row} column {column}: {text.name()} on {against.name()} "
                    f"({contrast(text, against):.1f}:1)"
                )
    return problems


def page_problems(name: str, root: QWidget) -> list[str]:
    base = QApplication.palette().color(QPalette.ColorRole.Base)
    problems = []
    for widget in [root, *root.findChildren(QWidget)]:
        where = f"{name}/{widget.metaObject().className()}#{widget.objectName()}"
        if widget.styleSheet():
            problems += sheet_problems(where, widget.styleSheet(), base)
        if isinstance(widget, QAbstractItemView) and not isinstance(
            widget, QHeaderView
        ):  # headers: own words
            problems += model_problems(where, widget)
    return problems


def test_no_page_keeps_a_light_colour_in_the_dark_scheme(desktop, aloop, live_server, tmp_path):
    app = QApplication.instance()
    hints = app.styleHints()
    window = desktop.window
    window.view.resize(1024, 700)
    seeded = seed(desktop, aloop, live_server.url)  # a run with two findings, one in progress, one pending
    problems: list[str] = []

    def look(name: str, widget: QWidget) -> None:
        widget.grab().save(str(tmp_path / f"dark-{name}.png"))  # for a person to look at, on failure
        problems.extend(page_problems(name, widget))

    try:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Dark)
        wait_until(aloop, theme.is_dark, 10)
        problems += sheet_problems(
            "the app's sheet", app.styleSheet(), app.palette().color(QPalette.ColorRole.Base)
        )

        window.show_page("runs")
        runs = window.runs
        runs.reload()
        wait_until(aloop, lambda: len(monitor_ids(desktop)) == 3, 15)
        loaded: list[dict] = []
        runs.detail.run_loaded.connect(loaded.append)
        assert runs.select_run(seeded["flagged"])
        wait_until(aloop, lambda: seeded["flagged"] in [r["run_id"] for r in loaded], 15)
        look("runs", window.view)

        open_dashboard(desktop, aloop, seeded["template"]["id"])
        look("dashboard", window.view)

        window.show_page("templates")
        templates_page = window.templates_page.ensure()
        run(aloop, templates_page.open(seeded["template"]["id"]))
        look("editor", window.view)

        window.show_page("executor")
        executor_page = window.executor_page.ensure()
        run_id = run(aloop, executor_page.open_link(f"{live_server.url}/r/{seeded['pending']}"))
        assert run_id
        run(aloop, executor_page.show_run(run_id))
        look("executor", window.view)

        window.show_page("settings")
        look("settings", window.view)

        window.show_page("runs")
        dialog = runs.open_dispatch()
        wait_until(aloop, lambda: dialog.view.template.count() > 0, 15)
        look("dispatch", dialog.view)
        dialog.view.reject()
    finally:
        hints.colorSchemeChanged.emit(Qt.ColorScheme.Light)
        wait_until(aloop, lambda: not theme.is_dark(), 10)
    assert not problems, "\n".join(problems)


@pytest.mark.parametrize("dark", [False, True])
def test_painted_status_and_finding_colours_are_readable_in_both_schemes(dark, monkeypatch):
    """The status pills and the findings are painted by hand (no sheet): their colours as shown."""
    monkeypatch.setattr(theme, "_dark", dark)
    surface = QColor("#1f2533" if dark else "#ffffff")  # the Base of each scheme's palette
    for status, (text, pill) in fmt.STATUS_COLOURS.items():
        assert contrast(QColor(theme.colour(text)), QColor(theme.colour(pill))) >= TEXT_CONTRAST, status
        if dark:
            assert luminance(QColor(theme.colour(pill))) <= LIGHT_SURFACE, status
    assert contrast(QColor(theme.colour(FINDING_COLOUR)), surface) >= TEXT_CONTRAST
