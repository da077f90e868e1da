"""A run completed with an optional step left unanswered read "16/17" in the monitor's progress column, the run's
detail and its PDF, as if it were still under way (`progress.total` counts the optional steps). Completed, it
reads "Complete" in the table (the bar full, the counts in its tooltip), "1/2" with "1 optional step unanswered"
under its full bar in the detail and "1 of 2 steps · 1 optional step unanswered" in the PDF, in the run's or the app's language."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt

from rundun_desktop import formatting as fmt
from rundun_desktop.monitor.runs_model import COL_PROGRESS, ProgressRole
from rundun_desktop.reports.pdf import write_run_pdf
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor_sim import Executor
from tests.desktop.test_app_languages import catalogs, desktop_in  # noqa: F401 (catalogs: a fixture)
from tests.desktop.test_reports import pdftotext, run_document, shown_and_exported


def one_required_one_optional(language: str) -> dict:
    return {
        "name": "Van check",
        "languages": [language],
        "sections": [
            {
                "id": "g-1",
                "title": "Main",
                "steps": [
                    {"id": "s-1", "type": "boolean", "label": "Lights work?"},
                    {"id": "s-2", "type": "text", "label": "Anything else?", "required": False},
                ],
            }
        ],
    }


async def answer_the_required_step_and_complete(base_url: str, run_id: str) -> None:
    async with Executor(base_url, run_id) as ex:
        await ex.open()
        await ex.answer("s-1", True)
        await ex.complete()


WORDS = {
    # language: (the table's cell, the detail's line under the bar, the PDF's line)
    "en": ("Complete", "1 optional step unanswered", "1 of 2 steps · 1 optional step unanswered"),
    "de": (
        "Fertig",
        "1 optionaler Schritt unbeantwortet",
        "1 von 2 Schritten · 1 optionaler Schritt unbeantwortet",
    ),
    "es": (
        "Completa",
        "1 paso opcional sin responder",
        "1 de 2 pasos · 1 paso opcional sin responder",
    ),
}


@pytest.mark.usefixtures("catalogs")
@pytest.mark.parametrize("language", ["en", "de", "es"])
def test_a_run_completed_without_its_optional_step_reads_complete(
    language, request, tmp_path, aloop, live_server
):
    desktop = desktop_in(language, request, tmp_path)
    cell, line, pdf_line = WORDS[language]
    template = run(aloop, desktop.api.create_template(one_required_one_optional(language)))
    run_id = run(
        aloop,
        desktop.api.dispatch_run(
            {"template_id": template["id"], "executor_ref": "VAN-9", "language": language}
        ),
    )["run_id"]
    run(aloop, answer_the_required_step_and_complete(live_server.url, run_id))
    window = desktop.window
    window.show_page("runs")
    runs = window.runs
    runs.reload()
    model = runs.model
    wait_until(aloop, lambda: model.rowCount() == 1 and (model.run_at(0) or {}).get("status") == "completed")
    index = model.index(0, COL_PROGRESS)
    assert model.run_at(0)["progress"]["total"] == 2  # the API counts the optional step (unchanged)
    assert index.data(Qt.ItemDataRole.DisplayRole) == cell
    assert index.data(ProgressRole) == 1.0  # the bar whole
    assert index.data(Qt.ItemDataRole.ToolTipRole) == pdf_line

    _detail, path = shown_and_exported(desktop, aloop, run_id, tmp_path / "van.pdf")
    view = window.runs_view.detail
    assert view.progress_text.text() == "1/2" and view.progress_note.text() == line
    assert view.progress_note.isVisible()
    # Whole in the panel beside a 1024 px table (German's words beside the bar were cut at the panel's edge).
    window.view.resize(1024, 700)
    wait_until(aloop, lambda: window.view.width() == 1024)
    note = view.progress_note
    wait_until(
        aloop, lambda: note.mapTo(view.viewport(), note.rect().topRight()).x() < view.viewport().width()
    )
    assert not view.horizontalScrollBar().isVisible()
    assert view.progress.value() == view.progress.maximum()
    text = " ".join(pdftotext(path).split())
    assert pdf_line in text, text


@pytest.mark.usefixtures("catalogs")
def test_the_arabic_words_count_the_optional_steps_in_their_forms(aloop):
    from PySide6.QtWidgets import QApplication

    from rundun_desktop import i18n

    i18n.TRANSLATION.install(QApplication.instance(), "ar")
    try:
        done = {"status": "completed", "progress": {"answered": 1, "skipped": 0, "total": 3}}
        assert fmt.run_progress_cell(done) == "مكتملة"
        assert fmt.optional_left_words(fmt.optional_left(done)) == "خطوتان اختياريتان دون إجابة"
        assert fmt.optional_left_words(1) == "خطوة اختيارية واحدة دون إجابة"
        assert fmt.optional_left_words(3) == "٣ خطوات اختيارية دون إجابة"
    finally:
        i18n.TRANSLATION.install(QApplication.instance(), "en")


def test_a_run_under_way_still_reads_its_counts(qapp):
    under_way = {"status": "in_progress", "progress": {"answered": 1, "skipped": 0, "total": 2}}
    assert fmt.run_progress_cell(under_way) == "1/2" and fmt.optional_left(under_way) == 0
    assert fmt.run_progress_fraction(under_way) == 0.5 and fmt.run_progress_tip(under_way) is None
    whole = {"status": "completed", "progress": {"answered": 2, "skipped": 0, "total": 2}}
    assert fmt.optional_left(whole) == 0 and fmt.run_progress_tip(whole) == "2 of 2 steps"


@pytest.mark.usefixtures("catalogs")
def test_the_pdf_of_a_run_in_german_says_what_was_left(qapp, tmp_path):
    document = run_document("de", progress={"answered": 16, "skipped": 0, "total": 17})
    text = " ".join(pdftotext(write_run_pdf(tmp_path / "de.pdf", document, {})).split())
    assert "16 von 17 Schritten · 1 optionaler Schritt unbeantwortet" in text, text
