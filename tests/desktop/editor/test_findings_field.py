"""The editor's "A finding when…" field (SPEC §14), driven through real widgets on the real server:
it fits each step type, every change is one undoable edit, the preview says the rule and marks an
answer that is a finding, options and type changes carry the flag along, and the server accepts it."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until
from .test_json_and_preview import show_tab
from .test_saving import save


def flag_of(d: Driver, step_id: str):
    return d.ctl.doc.find_step(step_id).data.get("flag")


def option_boxes(d: Driver) -> list[QCheckBox]:
    d.pump()  # boxes added to a shown widget appear on the next turn
    return [box for box in d.step_panel.flag.option_checks if box.isVisible()]


def open_at(d: Driver, client, aloop, step_id: str):
    """The vehicle inspection saved and opened, one step selected: the undo stack and its findings field."""
    open_saved(aloop, client, d.page, vehicle_inspection())
    d.select_node(d.ctl.doc.find_step(step_id).uid)
    return d.ctl.stack, d.step_panel.flag


def test_a_yes_no_finding_is_chosen_undone_and_marked_in_the_preview(drive: Driver, page, client, aloop):
    d = drive
    stack, field = open_at(d, client, aloop, "s-dm01")
    assert d.step_panel.flag_group.isVisible() and field.boolean.isVisible()
    assert not field.options_box.isVisible() and not field.range_box.isVisible()
    assert field.words.text() == "No answer to this step is a finding."

    before = stack.count()
    d.choose(field.boolean, True)
    assert flag_of(d, "s-dm01") is True and stack.count() == before + 1
    assert field.words.text() == "⚠ A finding when the answer is Yes."
    d.view.grab().save("/tmp/rundun-editor-finding-boolean.png")

    # The preview says the rule and marks a "Yes" as a finding, in words.
    show_tab(d, "Preview")
    d.flush()
    preview = d.view.preview
    until(aloop, lambda: "s-dm01" in preview.cards, 5)
    card = preview.cards["s-dm01"][1]
    assert any(
        "A finding when the answer is Yes" in label.text() for label in card.findChildren(type(field.words))
    )
    yes, no = card.choices
    d.click(yes)
    assert card.finding.isVisible() and "Finding" in card.finding.text()
    d.click(no)
    assert not card.finding.isVisible()
    d.view.grab().save("/tmp/rundun-editor-finding-preview.png")

    stack.undo()
    assert flag_of(d, "s-dm01") is None and field.words.text() == "No answer to this step is a finding."
    assert field.boolean.currentData() is None
    stack.redo()
    assert flag_of(d, "s-dm01") is True and field.boolean.currentData() is True

    save(d, aloop)
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    step = next(s for sec in stored["sections"] for s in sec["steps"] if s["id"] == "s-dm01")
    assert step["flag"] is True


def test_choice_findings_follow_the_options_and_undo_with_them(drive: Driver, page, client, aloop):
    d = drive
    stack, field = open_at(d, client, aloop, "s-fu01")
    boxes = option_boxes(d)
    assert [b.text() for b in boxes] == ["Full", "3/4", "1/2", "1/4"]
    d.click(boxes[3])
    d.click(boxes[2])
    assert flag_of(d, "s-fu01") == ["o-fu3", "o-fu4"]
    assert field.words.text().startswith("⚠ A finding when any of")
    d.page.resize(1024, 700)
    d.view.grab().save("/tmp/rundun-editor-finding-choice.png")

    # An option label edited: the tick box is renamed and stays ticked.
    options = d.step_panel.options_editor("choice")
    d.type(options.rows[3].label_edit, "Nearly empty")
    until(aloop, lambda: field.option_checks[3].text() == "Nearly empty", 5)
    assert option_boxes(d)[3].isChecked() and flag_of(d, "s-fu01") == ["o-fu3", "o-fu4"]

    # A flagged option removed: the flag drops it, in the same undo step.
    count = stack.count()
    d.click(options.rows[3].remove)
    assert flag_of(d, "s-fu01") == ["o-fu3"] and stack.count() == count + 1
    assert len(option_boxes(d)) == 3 and option_boxes(d)[2].isChecked()
    stack.undo()
    assert flag_of(d, "s-fu01") == ["o-fu3", "o-fu4"] and len(option_boxes(d)) == 4
    assert option_boxes(d)[3].isChecked()

    # Unticking every option leaves no flag (an empty list is no valid flag).
    d.click(option_boxes(d)[2])
    d.click(option_boxes(d)[3])
    assert flag_of(d, "s-fu01") is None

    # Choice → multiple choice keeps the options and the flag; → text drops the flag.
    d.click(option_boxes(d)[0])
    d.choose(d.step_panel.type_combo, "multi_choice")
    assert flag_of(d, "s-fu01") == ["o-fu1"] and option_boxes(d)[0].isChecked()
    d.choose(d.step_panel.type_combo, "text")
    assert flag_of(d, "s-fu01") is None and not d.step_panel.flag_group.isVisible()
    stack.undo()
    assert flag_of(d, "s-fu01") == ["o-fu1"]

    # A duplicated step flags its own (fresh) options.
    d.toolbar("duplicate")
    copy = list(d.ctl.doc.steps())[2].data
    assert copy["flag"] == [copy["config"]["options"][0]["id"]] and copy["flag"] != ["o-fu1"]
    save(d, aloop)
    assert page.saver.version == 2


def test_a_number_range_finding_typed_merges_and_bad_limits_are_problems(drive: Driver, page, client, aloop):
    d = drive
    stack, field = open_at(d, client, aloop, "s-od01")
    assert field.range_box.isVisible() and not field.boolean.isVisible()
    count = stack.count()
    d.type(field.below, "10")
    assert flag_of(d, "s-od01") == {"below": 10} and stack.count() == count + 1  # one undo step per field
    d.type(field.above, "250000")
    assert flag_of(d, "s-od01") == {"below": 10, "above": 250000}
    assert field.words.text() == "⚠ A finding when the answer is below 10 or above 250000."

    # below > above: the validation names the field, and the group is marked.
    d.type(field.below, "300000")
    d.flush()
    until(aloop, lambda: getattr(d.step_panel.flag_group, "_rundun_problem", False), 5)
    assert "Finding: " in d.step_panel.problems.label.text()
    d.type(field.below, "")
    d.flush()
    assert flag_of(d, "s-od01") == {"above": 250000}
    until(aloop, lambda: not getattr(d.step_panel.flag_group, "_rundun_problem", False), 5)

    d.type(field.above, "")
    assert flag_of(d, "s-od01") is None

    # Rating steps take a range too; the preview marks a low score.
    d.select_node(d.ctl.doc.find_step("s-cl01").uid)
    d.type(field.below, "3")
    assert flag_of(d, "s-cl01") == {"below": 3}
    show_tab(d, "Preview")
    d.flush()
    preview = d.view.preview
    until(aloop, lambda: preview.section == 1 and "s-cl01" in preview.cards, 5)
    card = preview.cards["s-cl01"][1]
    d.click(card.choices[0])
    assert card.finding.isVisible()
    d.view.grab().save("/tmp/rundun-editor-finding-rating.png")
    d.click(card.choices[3])
    assert not card.finding.isVisible()
    stack.undo()
    assert flag_of(d, "s-cl01") is None
