"""A run's detail says the language its executor was sent, when its template has several: a Spanish manager
watching three cleaners' runs of a Spanish-and-Arabic checklist could not tell which got it in Arabic."""

from __future__ import annotations

import pytest
from PySide6.QtGui import QColor, QImage

from rundun_desktop import i18n
from rundun_desktop.monitor.detail_view import RunDetailView
from tests.desktop.conftest import run, wait_until
from tests.server.tdl.test_tdl_languages import car_check
from tests.support.samples import minimal


def shown(desktop, aloop, run_id: str):
    detail = desktop.window.runs.detail
    loaded = []
    detail.run_loaded.connect(loaded.append)
    detail.show_run(run_id)
    wait_until(aloop, lambda: any(r["run_id"] == run_id for r in loaded), 10)
    return detail.view


def test_a_runs_detail_says_the_language_it_was_sent_in(desktop, aloop):
    template = run(aloop, desktop.api.create_template(car_check()))
    arabic = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "language": "ar"}))
    assert shown(desktop, aloop, arabic["run_id"]).fact_values["Language"].text() == i18n.tag_with_name("ar")
    english = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    assert shown(desktop, aloop, english["run_id"]).fact_values["Language"].text() == i18n.tag_with_name("en")
    one_language = run(aloop, desktop.api.create_template(minimal("Only English")))
    plain = run(aloop, desktop.api.dispatch_run({"template_id": one_language["id"]}))
    assert "Language" not in shown(desktop, aloop, plain["run_id"]).fact_values  # nothing to choose between


def inked_columns(view: RunDetailView, name: str) -> tuple[list[int], int]:
    """The columns of a fact's value, as its row draws it, that hold ink; and the value's width."""
    view.resize(700, 500)
    value = view.fact_values[name]
    image = QImage(value.size(), QImage.Format.Format_ARGB32)
    image.fill(QColor("white"))
    value.render(image)
    return [
        x
        for x in range(image.width())
        if any(image.pixelColor(x, y).lightness() < 160 for y in range(image.height()))
    ], image.width()


@pytest.mark.parametrize("app_language", ["en", "de", "ar"])
def test_the_language_line_reads_in_the_apps_direction(qtbot, speak, app_language):
    """The German detail's "Sprache" line put "العربية (ar)" at the far right, drawn "(ar) العربية" (Qt laid it
    out by its first letter, right to left); the Arabic one put "Deutsch (de)" at its left. Each name and its tag
    now read in the app's direction, from the side where its lines start."""
    speak(app_language)
    view = RunDetailView()
    qtbot.addWidget(view)
    rtl = app_language == "ar"
    for tag in ("ar", "de"):
        view.set_facts([("Language", i18n.tag_with_name(tag))])
        ink, width = inked_columns(view, "Language")
        assert ink and max(ink) - min(ink) < width / 2, (tag, width)  # room to tell its sides apart
        if rtl:
            assert min(ink) > width / 2, (
                app_language,
                tag,
                min(ink),
            )  # at the right, where Arabic lines start
        else:
            assert max(ink) < width / 2, (app_language, tag, max(ink))  # at the left
