"""A designer's slips around drags: a step id typed over another step's id (committed by the drag's press), and
a step dragged while Save is on its way. Drops go through the tree view's own drop path."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QToolTip

from rundun_desktop.editor import TemplatesPage
from rundun_desktop.editor.drafts import load_draft

from .conftest import Driver, open_saved, until


def tyre_check() -> dict:
    """Two yes/no steps, each with a follow-up shown on a No, and German texts for both."""
    return {
        "name": "Tyre check",
        "languages": ["en", "de"],
        "translations": {"de": {"s-front.label": "Vorne gut?", "s-rear.label": "Hinten gut?"}},
        "sections": [
            {
                "id": "g-tyres",
                "title": "Tyres",
                "steps": [
                    {"id": "s-front", "type": "boolean", "label": "Front fine?"},
                    {"id": "s-rear", "type": "boolean", "label": "Rear fine?"},
                    {
                        "id": "s-front-photo",
                        "type": "boolean",
                        "label": "Front photographed?",
                        "condition": {"when": {"step": "s-front", "op": "eq", "value": False}},
                    },
                    {
                        "id": "s-rear-photo",
                        "type": "boolean",
                        "label": "Rear photographed?",
                        "condition": {"when": {"step": "s-rear", "op": "eq", "value": False}},
                    },
                    {"id": "s-done", "type": "boolean", "label": "Done?"},
                ],
            }
        ],
    }


def named_by(doc, step_id: str) -> str | None:
    """The step id the condition of `step_id` names."""
    condition = doc.find_step(step_id).data.get("condition")
    return condition["when"]["step"] if condition else None


def test_an_id_typed_over_another_steps_id_is_refused_and_every_condition_stays_on_its_step(
    drive: Driver, aloop, client, page
):
    """The front step's id typed as "s-rear" (a slip) and committed by the press of a drag: the rear step's
    follow-up and German text were handed the front's, then renaming either twin apart moved both follow-ups
    onto one step ("only if “Rear fine?” …" under the front's photo; valid, so it could be saved). The id is
    refused and the field shows the step's own id again (saying why when Enter committed it); the drag still
    moves its step."""
    d = drive
    open_saved(aloop, client, page, tyre_check())
    doc = d.ctl.doc
    front, rear = doc.find_step("s-front"), doc.find_step("s-rear")
    d.select_node(front.uid)
    d.type(d.step_panel.id_edit, "s-rear")  # not committed yet: no Enter
    d.drop(doc.find_step("s-done").uid, front.uid, "above")  # the drag's press commits it
    steps = [n.data["id"] for n in doc.sections[0].steps]
    assert steps == ["s-done", "s-front", "s-rear", "s-front-photo", "s-rear-photo"]
    assert (front.data["id"], rear.data["id"]) == ("s-front", "s-rear")
    assert named_by(doc, "s-front-photo") == "s-front" and named_by(doc, "s-rear-photo") == "s-rear"
    assert doc.to_tdl()["translations"]["de"] == tyre_check()["translations"]["de"]
    assert (
        d.ctl.stack.undoText() == "Move step" and d.ctl.stack.count() == 1
    )  # the drop alone: the refused id is no step to undo
    d.select_node(front.uid)
    assert d.step_panel.id_edit.text() == "s-front"
    # The same by Enter, and over an option's id or a section's: refused too.
    for taken in ("s-rear", "o-free", "g-tyres"):
        d.type(d.step_panel.id_edit, taken, commit=True)
        d.pump()
        if taken.startswith("o-"):  # not taken: a bad id is kept and marked, as any problem is
            assert front.data["id"] == taken
            d.ctl.stack.undo()
        else:
            assert front.data["id"] == "s-front" and d.step_panel.id_edit.text() == "s-front"
            assert f"“{taken}” is already an id" in QToolTip.text() and "keeps “s-front”" in QToolTip.text()
    # A rename onto a free id still carries its conditions and texts along.
    d.type(d.step_panel.id_edit, "s-nose", commit=True)
    until(aloop, lambda: front.data["id"] == "s-nose", 5)
    assert named_by(doc, "s-front-photo") == "s-nose" and named_by(doc, "s-rear-photo") == "s-rear"
    assert doc.to_tdl()["translations"]["de"]["s-nose.label"] == "Vorne gut?"
    assert doc.to_tdl()["translations"]["de"]["s-rear.label"] == "Hinten gut?"


def test_an_id_refused_on_a_click_or_a_drag_says_why_on_the_forms_message_line(
    drive: Driver, aloop, client, page, speak
):
    """A step id typed over another's and committed by a click elsewhere or a drag's press: the field showed the
    step's own id again and said nothing (the tooltip saying why came only on Enter, and went with the mouse).
    Now the form's message line says why, in the app's language, until the next edit."""
    d = drive
    open_saved(aloop, client, page, tyre_check())
    doc = d.ctl.doc
    front = doc.find_step("s-front")
    d.select_node(front.uid)
    d.type(d.step_panel.id_edit, "s-rear")
    d.click(d.step_panel.label_edit)  # the click elsewhere commits it
    d.pump()
    assert front.data["id"] == "s-front" and d.step_panel.id_edit.text() == "s-front"
    line = d.step_panel.problems
    QToolTip.hideText()  # the pointer moved on
    d.pump()
    assert line.isVisible()
    assert "“s-rear” is already an id" in line.label.text() and "keeps “s-front”" in line.label.text()
    d.type(d.step_panel.label_edit, "Front tyre fine?", commit=True)  # the next edit: said no more
    until(aloop, lambda: front.data["label"] == "Front tyre fine?")
    assert "already an id" not in line.label.text()
    speak("de")
    d.type(d.step_panel.id_edit, "g-tyres")
    d.drop(doc.find_step("s-done").uid, front.uid, "above")  # the drag's press commits it
    assert front.data["id"] == "s-front"
    shown = d.ctl.properties._panel().problems  # the form of whichever node the press selected
    assert shown.isVisible()
    assert "„g-tyres“ ist in dieser Vorlage schon eine ID" in shown.label.text()
    assert "behält „s-front“" in shown.label.text()


def test_a_step_dragged_while_save_is_on_its_way_stays_unsaved_and_kept(qtbot, aloop, client, tmp_path):
    """Save clicked, and a step dragged before the server answered: the editor said "v2 · saved", deleted the
    kept draft and let the designer close without a word, though the server had the template without the
    move (gone for good). Now the move reads unsaved, is kept on disk again, and the next Save stores it."""
    kept = tmp_path / "editor-draft.json"
    page = TemplatesPage(client, None, kept)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    until(aloop, lambda: page.list.loaded, 10)
    d = Driver(qtbot, aloop, page)
    created = open_saved(aloop, client, page, tyre_check())
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-done").uid)
    d.type(d.step_panel.label_edit, "All done?")
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.busy, 10)
    assert page.saver.busy  # the body is on its way; the server has not answered
    d.drop(doc.find_step("s-done").uid, doc.find_step("s-front").uid, "above")
    moved = [n.data["id"] for n in doc.sections[0].steps]
    assert moved[0] == "s-done"
    until(aloop, lambda: not page.saver.busy, 10)
    server = aloop.run_until_complete(client.get_template(created["id"]))
    assert server["v"] == 2 and server["sections"][0]["steps"][-1]["label"] == "All done?"  # without the move
    assert page.saver.version == 2 and page.saver.dirty
    assert d.view.version.text() == "v2 · unsaved changes"
    until(aloop, lambda: (draft := load_draft(kept)) is not None and draft.version == 2, 10)
    assert [s["id"] for s in load_draft(kept).body["sections"][0]["steps"]] == moved
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.version == 3 and not page.saver.busy, 10)
    server = aloop.run_until_complete(client.get_template(created["id"]))
    assert [s["id"] for s in server["sections"][0]["steps"]] == moved
    assert not page.saver.dirty and d.view.version.text() == "v3 · saved"
    until(aloop, lambda: not kept.exists(), 10)


def test_a_dragged_steps_condition_rows_are_kept_and_list_its_new_earlier_steps(
    drive: Driver, aloop, client, page
):
    """The selected step, whose condition names an earlier one, dragged up (then the drag undone and redone):
    its condition's rows were made anew after each, 100-160 ms of the GUI thread on a 300-step template (the
    app stalled after every drag, undo and redo). They are kept; their step list follows the move."""
    d = drive
    open_saved(aloop, client, page, tyre_check())
    doc = d.ctl.doc
    photo = doc.find_step("s-rear-photo")
    d.select_node(photo.uid)
    d.flush()
    editor = d.step_panel.condition
    [row] = editor.root.rows
    combo = row.step_combo

    def listed() -> list[str]:
        return [combo.itemData(i) for i in range(combo.count())]

    assert listed() == ["s-front", "s-rear", "s-front-photo"]
    d.drop(photo.uid, doc.find_step("s-front-photo").uid, "above")
    d.flush()
    assert [n.data["id"] for n in doc.sections[0].steps][2] == "s-rear-photo"
    assert editor.root.rows == [row] and listed() == ["s-front", "s-rear"]
    assert combo.currentData() == "s-rear" and editor.value() == photo.data["condition"]
    d.key(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    d.flush()
    assert editor.root.rows == [row] and listed() == ["s-front", "s-rear", "s-front-photo"]
    d.key(d.view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)  # above its own step: now a later one
    d.key(d.view.tree, Qt.Key.Key_Up, Qt.KeyboardModifier.AltModifier)
    d.flush()
    assert [n.data["id"] for n in doc.sections[0].steps][1] == "s-rear-photo"
    assert editor.root.rows == [row] and combo.currentData() == "s-rear"
    assert combo.currentText() == "Rear fine? (a later step)"
    assert editor.value() == photo.data["condition"]
