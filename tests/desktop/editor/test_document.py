"""The editor's pure parts, without a server: the document and its commands (exact undo), the tree
model (checked by qtmodeltester while it follows edits), plain words, diffs, JSON paths and copies."""

from __future__ import annotations

import copy

from PySide6.QtGui import QUndoStack

from rundun_desktop.editor.condition_text import condition_words
from rundun_desktop.editor.diff import describe_changes
from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.editing import DocEditor
from rundun_desktop.editor.factory import fresh_copy
from rundun_desktop.editor.json_paths import line_for, path_lines
from rundun_desktop.editor.json_sync import dumps
from rundun_desktop.editor.tree_model import CONDITION_ROLE, StructureModel
from server.tdl import normalize_template, validate_template
from tests.desktop.conftest import as_read
from tests.support.samples import mixed_condition, vehicle_inspection


def editor_on(body: dict) -> DocEditor:
    return DocEditor(TemplateDoc(body), QUndoStack())


def test_commands_undo_exactly_and_the_tree_model_follows(qtmodeltester):
    ed = editor_on(vehicle_inspection())
    doc = ed.doc
    model = StructureModel(doc)
    qtmodeltester.check(model)
    original = copy.deepcopy(doc.to_tdl())
    fu = doc.find_step("s-fu01").uid
    ed.set_value(fu, ("config", "options"), [{"id": "o-x", "label": "X"}])
    ed.set_type(fu, "multi_choice")
    ed.set_value(0, ("settings", "allow_skip"), True)
    ed.add_section(fu)
    ed.move(fu, +1)
    ed.move(fu, +1)  # into the next section
    ed.duplicate(doc.sections[0].uid)
    ed.delete(doc.find_step("s-od01").uid)
    qtmodeltester.check(model)
    assert [model.index(i, 0).data() for i in range(model.rowCount())] == [
        s.data["title"] for s in doc.sections
    ]
    while ed.stack.canUndo():
        ed.stack.undo()
    assert doc.to_tdl() == original
    qtmodeltester.check(model)


def test_a_renamed_step_id_carries_its_conditions_and_words():
    ed = editor_on(vehicle_inspection())
    doc = ed.doc
    model = StructureModel(doc)
    dm02 = doc.find_step("s-dm02").uid
    assert model.index_of(dm02).data(CONDITION_ROLE) == "only if “Any pre-existing damage?” is Yes"
    ed.set_step_id(doc.find_step("s-dm01").uid, "s-damage")
    ed.set_value(doc.find_step("s-damage").uid, ("config", "true_label"), "Damaged")
    assert doc.get(dm02, ("condition", "when", "step")) == "s-damage"
    assert model.index_of(dm02).data(CONDITION_ROLE) == "only if “Any pre-existing damage?” is Damaged"


def test_a_copied_section_gets_fresh_ids_and_inner_conditions_follow():
    doc = TemplateDoc(vehicle_inspection())
    section = doc.sections[0]
    [copied] = fresh_copy([{**section.data, "steps": [n.data for n in section.steps]}], doc)
    ids = [s["id"] for s in copied["steps"]]
    assert not set(ids) & doc.ids()
    assert copied["steps"][3]["condition"]["when"]["step"] == ids[2]
    options = [o["id"] for o in copied["steps"][1]["config"]["options"]]
    assert len(set(options)) == 4 and not set(options) & doc.ids()


def test_condition_words():
    steps = {s["id"]: s for sec in vehicle_inspection()["sections"] for s in sec["steps"]}
    when = mixed_condition()
    assert condition_words({"when": when}, steps) == (
        "only if “Odometer reading” is more than 100000 km or (“Fuel level” is none of Full or 3/4 and "
        "“Interior cleanliness” is not answered)"
    )
    assert condition_words(None, steps) == ""


def test_readable_diff():
    old = vehicle_inspection()
    new = copy.deepcopy(old)
    new["name"] = "Vehicle check"
    new["settings"]["allow_skip"] = True
    new["sections"][0]["steps"][1]["config"]["options"][3]["label"] = "Quarter"
    new["sections"][1]["steps"].append(new["sections"][0]["steps"].pop(0))
    del new["sections"][0]["steps"][2]["condition"]
    assert describe_changes(old, new) == [
        "Name: “Vehicle pre-rental inspection” → “Vehicle check”",
        "Skipping steps allowed: off → on",
        "Step “Fuel level”: option “1/4” renamed to “Quarter”",
        "Step “Describe the damage”: now always shown (was: only if “Any pre-existing damage?” is Yes)",
        "Step “Odometer reading” moved from “Exterior” to “Interior”",
    ]
    assert describe_changes(old, normalize_template(validate_template(old))) == []


def test_json_paths_point_at_lines():
    text = dumps(vehicle_inspection())
    lines = path_lines(text)
    assert text.splitlines()[lines["sections[0].steps[3].condition.when.step"]].strip() == '"step": "s-dm01",'
    assert text.splitlines()[line_for(lines, "sections[1].steps[0].hint")].strip() == "{"  # absent: its step
    assert line_for(lines, "") == 0


def test_adding_a_step_to_an_empty_template_is_one_undo_step():
    ed = editor_on({"name": "Empty", "sections": []})
    uid = ed.add_step(None, "number")
    assert [len(s.steps) for s in ed.doc.sections] == [1] and ed.doc.node(uid).data["type"] == "number"
    assert ed.stack.count() == 1
    ed.stack.undo()
    assert ed.doc.sections == []


def test_the_diff_names_languages_added_and_removed_and_translations_changed():
    """The save-conflict dialog said "(no visible change)" when someone had removed German: "Save mine"
    brought it back unannounced."""
    from tests.server.tdl.test_tdl_languages import car_check

    old = car_check()
    theirs = car_check(languages=["en", "ar", "es"])
    del theirs["translations"]["de"]
    theirs["translations"]["ar"]["s-tyre.label"] = "الإطارات سليمة؟"
    lines = [as_read(line) for line in describe_changes(old, theirs)]
    assert lines == [
        "Language removed: Deutsch (de)",  # once: its 4 texts went with it
        "Language added: Español (es)",
        "Translations into العربية (ar): 1 changed",
    ]
