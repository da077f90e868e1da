"""The editor's small things seen in everyday use, each walked as a designer does: problems said in a
designer's words and kept inside their pane, the JSON view's warning style, the preview checking an
answer as the runner does, one set of photo counts on a photo step, the last option deletable, the
header keeping the name and save state whole, a toolbar that stays put, and Export confirmed."""

from __future__ import annotations

import json

from PySide6.QtGui import QColor, QPalette

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until
from .test_json_and_preview import show_tab


def problem_texts(d: Driver) -> list[str]:
    d.flush()
    return [d.view.problems.item(i).text() for i in range(d.view.problems.count())]


def test_problems_are_said_in_a_designers_words_and_fit_their_pane(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-dm01").uid)  # section 1, step 3
    d.type(d.step_panel.label_edit, "")
    d.select_node(doc.sections[1].uid)
    d.type(d.ctl.properties.section_panel.title_edit, "")
    texts = problem_texts(d)
    assert "Section 1, step 3 has no label" in texts
    assert "Section 2 has no title" in texts
    assert not any("sections[" in t or "›" in t for t in texts), texts

    d.select_node(doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "How many kilometres does the odometer show on the dashboard today " * 3)
    show_tab(d, "Problems")
    d.flush()
    problems = d.view.problems
    d.pump()
    assert problems.count() == 2
    for i in range(problems.count()):
        rect = problems.visualItemRect(problems.item(i))
        assert rect.right() <= problems.viewport().width(), f"{problems.item(i).text()} runs off the edge"
    assert not problems.horizontalScrollBar().isVisible()


def test_the_json_views_problem_count_is_a_warning_not_a_success(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    show_tab(d, "JSON")
    d.flush()
    status = d.view.json_view.status
    assert status.text() == "Valid TDL."
    valid = status.palette().color(QPalette.ColorRole.WindowText)
    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "")
    d.flush()
    assert status.text() == "1 problem."
    warning = status.palette().color(QPalette.ColorRole.WindowText)
    assert warning != valid
    assert warning.red() > 150 and warning.green() < 100, warning.name()  # a red, not the valid green
    assert valid.green() > valid.red(), valid.name()
    assert QColor(warning).name() != "#166534"


def test_the_preview_checks_a_number_as_the_runner_does(drive: Driver, page, client, aloop):
    body = vehicle_inspection()
    body["sections"][0]["steps"][0]["config"] = {"min": 1.5, "unit": "km"}
    d = drive
    open_saved(aloop, client, page, body)
    show_tab(d, "Preview")
    d.flush()
    preview = d.view.preview
    until(aloop, lambda: "s-od01" in preview.cards, 5)
    card = preview.cards["s-od01"][1]
    from PySide6.QtWidgets import QLineEdit

    edit = card.findChild(QLineEdit)
    d.type(edit, "0.9")
    assert card.problem.isVisible() and card.problem.text() == "The answer must be at least 1.5."
    assert "s-od01" not in preview.answers  # not counted as answered
    d.type(edit, "2")
    assert not card.problem.isVisible() and preview.answers["s-od01"]["value"] == 2


def test_a_photo_step_shows_one_set_of_photo_counts(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.select_node(d.ctl.doc.find_step("s-dm02").uid)  # a text step that takes photos
    assert d.step_panel.photo.isVisible()
    d.choose(d.step_panel.type_combo, "photo")
    d.pump()
    assert not d.step_panel.photo.isVisible()  # only the answer settings' "At least" / "At most"
    page_widget = d.step_panel.config_pages["photo"][0]
    assert page_widget.isVisible()
    assert d.ctl.doc.find_step("s-dm02").data.get("photo", False) is False


def test_the_last_option_can_be_deleted_and_the_problem_is_said(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)  # section 1, step 2: four options
    options = d.step_panel.options_editor("choice")
    while options.rows:
        assert options.rows[-1].remove.isEnabled()
        d.click(options.rows[-1].remove)
    assert d.ctl.doc.find_step("s-fu01").data["config"]["options"] == []
    assert "Section 1, step 2 (“Fuel level”) needs at least one option" in problem_texts(d)
    d.click(options.add_button)
    assert len(d.ctl.doc.find_step("s-fu01").data["config"]["options"]) == 1


def test_the_header_keeps_the_name_and_save_state_and_the_toolbar_stays_put(
    drive: Driver, page, client, aloop
):
    d = drive
    page.resize(1024 - 216, 700)  # the editor's share of a 1024×700 window
    open_saved(aloop, client, page, vehicle_inspection())
    d.click(d.view.middle.tabBar(), d.view.middle.tabBar().tabRect(1).center())
    d.type(d.view.template_panel.name_edit, "Van handover")
    d.flush()
    d.pump()
    title, version = d.view.title, d.view.version
    assert title.shown_text() == "Van handover"
    assert version.text() == "v1 · unsaved changes" and version.width() >= version.sizeHint().width()
    buttons = [
        d.view.save_button,
        *(d.view.findChild(type(d.view.back_button), f"button_{n}") for n in ("undo", "export")),
    ]
    before = [b.mapTo(d.view, b.rect().topLeft()).x() for b in buttons]
    d.type(
        d.view.template_panel.name_edit, "Van handover and return inspection for the long-term rental fleet"
    )
    d.flush()
    d.pump()
    assert [b.mapTo(d.view, b.rect().topLeft()).x() for b in buttons] == before
    assert title.is_elided() and title.toolTip().startswith("Van handover and return")
    assert version.width() >= version.sizeHint().width()


def test_export_confirms_where_the_file_went(drive: Driver, page, client, aloop, answers, tmp_path):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    answers.save_path = str(tmp_path / "van.json")
    told: list[tuple] = []
    page.prompter.done = lambda *args: told.append(args)
    d.view.actions_["export"].trigger()
    until(aloop, lambda: told, 5)
    [(title, text)] = told
    assert title == "Template exported" and str(tmp_path / "van.json") in text
    assert json.loads((tmp_path / "van.json").read_text())["name"] == "Vehicle pre-rental inspection"
    answers.save_path = str(tmp_path / "missing-folder" / "van.json")
    d.view.actions_["export"].trigger()
    until(aloop, lambda: any(a[0] == "error" for a in answers.asked), 5)
    [(_, (error_title, error_text))] = [a for a in answers.asked if a[0] == "error"]
    assert error_title == "The template was not exported" and "could not be written" in error_text


def test_an_options_label_box_shows_a_whole_phrase_at_1280_and_1024_px(drive: Driver, page, client, aloop):
    """An option's label is what the executor reads: its box takes the row's room (it was left as narrow as
    the option's id beside it: "Poor, needs deep clean" read "eep clean" in a 1280 px window)."""
    d = drive
    body = vehicle_inspection()
    fuel = next(s for sec in body["sections"] for s in sec["steps"] if s["id"] == "s-fu01")
    fuel["config"]["options"][0]["label"] = "Poor, needs deep clean"
    open_saved(aloop, client, page, body)
    for window_width in (1280, 1024):
        page.resize(window_width - 216, 700)  # the editor's share of the window, beside the sidebar
        d.pump()
        d.select_node(d.ctl.doc.find_step("s-fu01").uid)
        d.pump()
        row = d.step_panel.options_editor("choice").rows[0]
        box = row.label_edit
        assert box.text() == "Poor, needs deep clean"
        room = box.width() - 2 * box.style().pixelMetric(box.style().PixelMetric.PM_DefaultFrameWidth) - 8
        assert box.fontMetrics().horizontalAdvance(box.text()) <= room, (window_width, box.width())
        assert box.width() > row.id_edit.width()
