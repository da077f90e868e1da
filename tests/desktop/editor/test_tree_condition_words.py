"""The structure tree's condition words ("only if “Fuel” is Full") always say what the document says now:
after a referenced step is deleted, moved, retyped or its options renamed, and after undo and redo of
each (issue 12: the tree showed raw option ids, `is o-1`)."""

from __future__ import annotations

import copy
import random

from PySide6.QtGui import QUndoStack

from rundun_desktop.editor.condition_text import condition_words
from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.editing import DocEditor
from rundun_desktop.editor.tree_model import CONDITION_ROLE, StructureModel

TEMPLATE = {
    "name": "Fuel check",
    "sections": [
        {
            "id": "g-1",
            "title": "Tank",
            "steps": [
                {
                    "id": "s-fuel",
                    "type": "choice",
                    "label": "Fuel",
                    "config": {"options": [{"id": "o-1", "label": "Full"}, {"id": "o-2", "label": "Half"}]},
                },
                {
                    "id": "s-why",
                    "type": "text",
                    "label": "Why full?",
                    "condition": {"when": {"step": "s-fuel", "op": "eq", "value": "o-1"}},
                },
            ],
        },
        {
            "id": "g-2",
            "title": "Elsewhere",
            "steps": [
                {
                    "id": "s-other",
                    "type": "text",
                    "label": "Why half?",
                    "condition": {"when": {"step": "s-fuel", "op": "eq", "value": "o-2"}},
                },
                {"id": "s-ok", "type": "boolean", "label": "OK?"},
            ],
        },
    ],
}


def editing(qapp):
    doc = TemplateDoc(copy.deepcopy(TEMPLATE))
    stack = QUndoStack()
    return doc, DocEditor(doc, stack), stack, StructureModel(doc)


def stale_words(doc: TemplateDoc, model: StructureModel) -> list[tuple]:
    steps = {n.data["id"]: n.data for n in doc.steps()}
    shown = ((n, model.items[n.uid].data(CONDITION_ROLE) or "") for n in doc.steps())
    return [
        (n.data["id"], words, condition_words(n.data.get("condition"), steps))
        for n, words in shown
        if words != condition_words(n.data.get("condition"), steps)
    ]


def words_of(doc: TemplateDoc, model: StructureModel, step_id: str) -> str:
    return model.items[doc.find_step(step_id).uid].data(CONDITION_ROLE)


def test_deleting_the_referenced_step_and_its_dependants_then_undoing_shows_labels_again(qapp):
    doc, editor, stack, model = editing(qapp)
    editor.delete(doc.find_step("s-fuel").uid)
    assert words_of(doc, model, "s-why") == "only if “s-fuel” is “o-1”"  # gone: named by its id
    editor.delete(doc.find_step("s-why").uid)
    stack.undo()  # the dependant comes back first, while the step it names is still deleted
    stack.undo()
    assert words_of(doc, model, "s-why") == "only if “Fuel” is Full"
    assert words_of(doc, model, "s-other") == "only if “Fuel” is Half"
    stack.redo()
    assert words_of(doc, model, "s-other") == "only if “s-fuel” is “o-2”"
    assert stale_words(doc, model) == []


def test_the_tree_says_what_the_document_says_through_random_edits_undo_and_redo(qapp):
    """Renamed options (label and id), retyped, moved within and across sections, deleted; undone and
    redone: after every step every condition's words equal words made afresh from the document."""
    for seed in range(60):
        rng = random.Random(seed)
        doc, editor, stack, model = editing(qapp)
        done = []
        for _ in range(14):
            fuel = doc.find_step("s-fuel")
            steps = list(doc.steps())
            options = copy.deepcopy((fuel.data.get("config") or {}).get("options") or []) if fuel else []
            action = rng.choice(["label", "option id", "type", "move", "move to", "delete", "undo", "redo"])
            if action == "label" and options:
                options[0]["label"] = rng.choice(["Full!", "Empty", "Reserve"])
                editor.set_options(fuel.uid, options)
            elif action == "option id" and options:
                old = options[0]["id"]
                options[0]["id"] = f"{old}x"
                editor.set_options(fuel.uid, options, renamed=(old, options[0]["id"]))
            elif action == "type" and fuel:
                editor.set_type(fuel.uid, rng.choice(["choice", "text", "multi_choice"]))
            elif action == "move" and fuel:
                editor.move(fuel.uid, rng.choice([-1, 1]))
            elif action == "move to" and steps and doc.sections:
                section = rng.choice(doc.sections)
                editor.move_to(rng.choice(steps).uid, section.uid, rng.randint(0, len(section.steps)))
            elif action == "delete" and steps:
                editor.delete(rng.choice(steps).uid)
            elif action == "undo":
                stack.undo()
            elif action == "redo":
                stack.redo()
            done.append(action)
            assert stale_words(doc, model) == [], (seed, done)
