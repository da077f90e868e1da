"""A condition in words is one sentence in the person's language, its words in that language's order, the
same in the structure tree, the condition builder's line and the versions' changes (the German tree read
"nur wenn „…“ ist Ja": the clause was put together from label + operator + value in English order)."""

from __future__ import annotations

import copy

import pytest

from rundun_desktop.editor.condition_editor import ConditionEditor
from rundun_desktop.editor.diff import describe_changes
from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.tree_model import CONDITION_ROLE, StructureModel
from tests.support.samples import mixed_condition, vehicle_inspection

SAID = {
    "de": (
        "nur wenn „Any pre-existing damage?“ Ja ist",
        (
            "nur wenn „Odometer reading“ größer als 100000 km ist oder („Fuel level“ keines von Full oder 3/4 ist "
            "und „Interior cleanliness“ nicht beantwortet ist)"
        ),
        "Angezeigt, nur wenn „Any pre-existing damage?“ Ja ist.",
    ),
    "es": (
        "solo si «Any pre-existing damage?» es Sí",
        (
            "solo si «Odometer reading» es mayor que 100000 km o («Fuel level» no es ninguna de Full o 3/4 y "
            "«Interior cleanliness» no está respondido)"
        ),
        "Se muestra solo si «Any pre-existing damage?» es Sí.",
    ),
    "ar": (
        "فقط إذا كانت إجابة «Any pre-existing damage?» نعم",
        (
            "فقط إذا كانت إجابة «Odometer reading» أكبر من 100000 km أو (لم تكن إجابة «Fuel level» أيًّا من "
            "Full أو 3/4 ولم يُجَب عن «Interior cleanliness»)"
        ),
        "تُعرض فقط إذا كانت إجابة «Any pre-existing damage?» نعم.",
    ),
    "en": (
        "only if “Any pre-existing damage?” is Yes",
        (
            "only if “Odometer reading” is more than 100000 km or (“Fuel level” is none of Full or 3/4 and "
            "“Interior cleanliness” is not answered)"
        ),
        "Shown only if “Any pre-existing damage?” is Yes.",
    ),
}


@pytest.mark.parametrize("language", list(SAID))
def test_a_condition_is_one_sentence_in_the_languages_own_word_order(qtbot, speak, language):
    speak(language)
    one, grouped, builder = SAID[language]
    body = vehicle_inspection()
    body["sections"][1]["steps"][-1]["condition"] = {"when": mixed_condition()}
    doc = TemplateDoc(body)
    model = StructureModel(doc)
    assert model.index_of(doc.find_step("s-dm02").uid).data(CONDITION_ROLE) == one
    assert model.index_of(doc.find_step(body["sections"][1]["steps"][-1]["id"]).uid).data(CONDITION_ROLE) == (
        grouped
    )

    editor = ConditionEditor()
    qtbot.addWidget(editor)
    steps = [n.data for n in doc.steps()]
    editor.set_context(steps[:3], {s["id"]: s for s in steps})
    editor.set_value(doc.find_step("s-dm02").data["condition"])
    assert editor.words.text() == builder

    changed = copy.deepcopy(vehicle_inspection())
    changed["sections"][0]["steps"][3]["condition"] = None
    [line] = [x for x in describe_changes(vehicle_inspection(), changed) if "Describe the damage" in x]
    assert one in line
