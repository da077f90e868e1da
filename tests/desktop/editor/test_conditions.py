"""Conditions: operators and value widgets by step type, all/any groups, plain words in the tree, and
a condition on a later step refused (locally and by the server) with its node highlighted."""

from __future__ import annotations

import copy

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QStyle, QStyleOptionComboBox

from rundun_desktop.editor.condition_text import op_words
from rundun_desktop.editor.tree_model import CONDITION_ROLE, PROBLEMS_ROLE
from rundun_desktop.editor.value_widgets import CheckListValue, ComboValue, DateValue, LineValue, SpinValue
from server.tdl import OPS_BY_TYPE
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until


def with_extra_steps() -> dict:
    body = vehicle_inspection()
    body["sections"][1]["steps"] += [
        {"id": "s-dt01", "type": "date", "label": "Return date"},
        {"id": "s-nt01", "type": "text", "label": "Notes"},
    ]
    return body


def condition_on_notes(d: Driver, aloop, client, page) -> tuple:
    """`with_extra_steps()` open, its last step ("Notes") given a condition: (the doc, the condition's row)."""
    open_saved(aloop, client, page, with_extra_steps())
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-nt01").uid)
    d.click(d.step_panel.condition.enabled)
    [row] = d.step_panel.condition.root.rows
    return doc, row


def test_operators_and_value_widgets_fit_the_step_type(drive: Driver, page, client, aloop):
    d = drive
    doc, row = condition_on_notes(d, aloop, client, page)
    assert row.step_combo.currentData() == "s-dt01"  # the nearest earlier step that can be asked about
    offered = [row.step_combo.itemData(i) for i in range(row.step_combo.count())]
    assert offered == ["s-od01", "s-fu01", "s-dm01", "s-dm02", "s-cl01", "s-dt01"]  # earlier steps only
    expectations = {
        ("s-od01", "gt"): LineValue,
        ("s-fu01", "eq"): ComboValue,
        ("s-fu01", "in"): CheckListValue,
        ("s-dm01", "eq"): ComboValue,
        ("s-cl01", "lte"): SpinValue,
        ("s-dt01", "gte"): DateValue,
        ("s-dm02", "contains"): LineValue,
    }
    for (step_id, op), widget_type in expectations.items():
        d.choose(row.step_combo, step_id)
        step_type = doc.find_step(step_id).data["type"]
        ops = [row.op_combo.itemData(i) for i in range(row.op_combo.count())]
        assert ops == list(OPS_BY_TYPE[step_type])
        assert [row.op_combo.itemText(i) for i in range(row.op_combo.count())] == [
            op_words(o, step_type) for o in ops
        ]
        d.choose(row.op_combo, op)
        assert isinstance(row.value_widget, widget_type), (step_id, op)
    d.choose(row.op_combo, "answered")
    assert row.value_widget is None
    assert doc.find_step("s-nt01").data["condition"] == {
        "when": {"step": "s-dm02", "op": "answered", "value": None}
    }

    # A number, typed; then the rating's range, spun.
    d.choose(row.step_combo, "s-od01")
    d.choose(row.op_combo, "gte")
    d.type(row.value_widget.edit, "150000")
    assert doc.find_step("s-nt01").data["condition"]["when"] == {
        "step": "s-od01",
        "op": "gte",
        "value": 150000,
    }
    d.flush()
    assert d.ctl.details == []
    index = d.ctl.model.index_of(doc.find_step("s-nt01").uid)
    assert index.data(CONDITION_ROLE) == "only if “Odometer reading” is at least 150000 km"


def test_all_and_any_groups(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, with_extra_steps())
    doc, editor = d.ctl.doc, d.step_panel.condition
    d.select_node(doc.find_step("s-nt01").uid)
    d.click(editor.enabled)
    d.choose(editor.root.rows[0].step_combo, "s-dm01")
    d.click(editor.root.add_group)
    group = editor.root.rows[1]
    d.choose(group.rows[0].step_combo, "s-fu01")
    d.choose(group.rows[0].op_combo, "in")
    checklist = group.rows[0].value_widget.list
    checklist.item(3).setCheckState(Qt.CheckState.Checked)  # o-fu4, "1/4"
    d.click(group.add_leaf)
    d.choose(group.rows[1].step_combo, "s-cl01")
    d.choose(group.rows[1].op_combo, "lte")
    d.type(group.rows[1].value_widget.spin, "2")
    d.choose(group.mode, "any")
    when = doc.find_step("s-nt01").data["condition"]["when"]
    assert when == {
        "all": [
            {"step": "s-dm01", "op": "eq", "value": True},
            {
                "any": [
                    {"step": "s-fu01", "op": "in", "value": ["o-fu1", "o-fu4"]},
                    {"step": "s-cl01", "op": "lte", "value": 2},
                ]
            },
        ]
    }
    assert editor.words.text() == (
        "Shown only if “Any pre-existing damage?” is Yes and (“Fuel level” is one of "
        "Full or 1/4 or “Interior cleanliness” is at most 2)."
    )
    d.flush()
    assert d.ctl.details == []
    # Undo takes the condition back step by step, and the editor follows.
    while doc.find_step("s-nt01").data.get("condition"):
        d.ctl.stack.undo()
    assert not editor.enabled.isChecked()


def test_condition_on_a_later_step_is_refused_with_the_node_highlighted(
    drive: Driver, page, client, aloop, answers
):
    d = drive
    created = open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    dm02 = doc.find_step("s-dm02").uid
    d.select_node(dm02)
    d.key(d.view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # now before s-dm01
    assert doc.location(dm02) == "sections[0].steps[2]"
    d.flush()
    path = "sections[0].steps[2].condition.when.step"
    assert [x["path"] for x in ctl.details] == [path]
    assert "comes later" in ctl.details[0]["message"]

    # The node is marked in the tree, in the properties panel and in the JSON view, the step it refers to named
    # by its place and label (it read "refers to 's-dm01', which comes later (at sections[0].steps[3])").
    later = "refers to Section 1, step 4 (“Any pre-existing damage?”), which comes after this step"
    index = ctl.model.index_of(dm02)
    assert any(later in p for p in index.data(PROBLEMS_ROLE))
    assert d.step_panel.problems.isVisible() and later in d.step_panel.problems.label.text()
    [listed] = [d.view.problems.item(i).text() for i in range(d.view.problems.count())]
    assert listed.startswith("Section 1, step 3 (“Describe the damage”): The condition " + later), listed
    assert "s-dm01" not in listed and "sections[" not in listed
    assert d.step_panel.condition_group.property("problem") is True
    assert d.step_panel.condition.root.rows[0].step_combo.currentText().endswith("(a later step)")
    d.click(d.view.side.tabBar(), d.view.side.tabBar().tabRect(1).center())
    json_view = d.view.json_view
    [problem] = [json_view.problems.item(i) for i in range(json_view.problems.count())]
    line = json_view.editor.document().findBlockByNumber(problem.data(Qt.ItemDataRole.UserRole + 2)).text()
    assert '"step": "s-dm01"' in line
    d.view.grab().save("/tmp/rundun-editor-forward-condition.png")

    # Saving is refused before anything reaches the server.
    d.click(d.view.save_button)
    until(aloop, lambda: not page.saver.busy, 5)
    assert "Not saved" in d.view.status.text()
    assert aloop.run_until_complete(client.get_template(created["id"]))["v"] == 1

    # Moving it back clears the problem.
    d.key(d.view.tree, Qt.Key.Key_Down, Qt.KeyboardModifier.AltModifier)
    d.flush()
    assert ctl.details == [] and not ctl.model.index_of(dm02).data(PROBLEMS_ROLE)


def test_the_servers_422_details_highlight_the_node(drive: Driver, page, client, aloop, monkeypatch):
    """Should the server refuse what the editor let through (another version of the rules), its
    details land on the same nodes."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    ctl, doc = d.ctl, d.ctl.doc
    dm02 = doc.find_step("s-dm02").uid
    d.select_node(dm02)
    d.toolbar("move_up")
    # As if the local rules had let it pass (an older desktop against a newer server).
    monkeypatch.setattr(ctl, "checked_body", lambda: ([], copy.deepcopy(ctl.doc.to_tdl())))
    d.click(d.view.save_button)
    until(aloop, lambda: ctl.details, 10)
    assert [x["path"] for x in ctl.details] == ["sections[0].steps[2].condition.when.step"]
    assert d.view.status.text().startswith("Server:")
    assert ctl.model.index_of(dm02).data(PROBLEMS_ROLE)
    assert d.view.tree.currentIndex() == ctl.model.index_of(dm02)
    assert aloop.run_until_complete(client.list_templates())["data"][0]["v"] == 1


def test_the_operator_is_shown_whole_at_1280_and_1024_px(drive: Driver, page, client, aloop):
    """ "is more than" was cut to "is more thar" (the operator's box was sized for 6 characters)."""
    d = drive
    open_saved(aloop, client, page, with_extra_steps())
    d.select_node(d.ctl.doc.find_step("s-nt01").uid)
    editor = d.step_panel.condition
    d.click(editor.enabled)
    [row] = editor.root.rows
    d.choose(row.step_combo, "s-od01")  # a number: "is more than" among its operators
    for window_width in (1280, 1024):
        page.resize(window_width - 216, 700)  # the editor's share of the window, beside the sidebar
        d.pump()
        for i in range(row.op_combo.count()):
            d.choose(row.op_combo, row.op_combo.itemData(i))
            d.pump()
            text = row.op_combo.currentText()
            # The text's room: the box less its drop-down arrow and frame.
            option = QStyleOptionComboBox()
            row.op_combo.initStyleOption(option)
            room = row.op_combo.style().subControlRect(
                QStyle.ComplexControl.CC_ComboBox,
                option,
                QStyle.SubControl.SC_ComboBoxEditField,
                row.op_combo,
            )
            assert row.op_combo.fontMetrics().horizontalAdvance(text) <= room.width(), (window_width, text)


def test_a_conditions_problems_are_said_in_the_apps_language(speak):
    """German read "die Bedingung refers to 's-dm01', which comes later (at sections[0].steps[3]); a condition
    may only refer to a step that comes before this one" in its Problems pane."""
    from rundun_desktop.editor.doc import TemplateDoc
    from rundun_desktop.editor.problem_words import problem_words

    body = vehicle_inspection()
    steps = body["sections"][0]["steps"]
    steps[2], steps[3] = steps[3], steps[2]  # the damage's description before the question it depends on
    steps.append({"id": "s-in01", "type": "instruction", "label": "Walk round", "config": {"body": "Look."}})
    steps.append(
        {
            "id": "s-x1",
            "type": "text",
            "label": "Note",
            "condition": {"when": {"step": "s-in01", "op": "answered"}},
        }
    )
    doc = TemplateDoc(body)
    speak("de")
    later = problem_words(
        doc,
        {
            "path": "sections[0].steps[2].condition.when.step",
            "message": "refers to 's-dm01', which comes later (at sections[0].steps[3]); a condition may only "
            "refer to a step that comes before this one",
        },
    )
    assert later == (
        "Abschnitt 1, Schritt 3 (“Describe the damage”): Die Bedingung bezieht sich auf Abschnitt 1, Schritt 4 "
        "(“Any pre-existing damage?”), der nach diesem Schritt kommt; eine Bedingung darf sich nur auf einen "
        "Schritt davor beziehen"
    ), later
    instruction = problem_words(
        doc,
        {
            "path": "sections[0].steps[5].condition.when.step",
            "message": "cannot refer to instruction step 's-in01'; instruction steps are never answered",
        },
    )
    assert "eine Anweisung, die nie beantwortet wird" in instruction and "s-in01" not in instruction
