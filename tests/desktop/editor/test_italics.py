"""Condition words are set in italics, but upright where they hold Arabic or Hebrew letters: those scripts
are not slanted, and a system's fonts for them have no italic face (here DejaVu Sans Oblique has no Arabic),
so Qt drew a box for each letter of the tree's "↳ only if …" note and the condition editor's words."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontMetrics

from rundun_desktop.editor.condition_editor import ConditionEditor
from rundun_desktop.editor.tree_view import _Fonts
from rundun_desktop.italics import takes_italics

ARABIC = "فقط إذا كان «مستوى الوقود» ممتلئ"
STEPS = [
    {"id": "s-ar", "type": "boolean", "label": "هل يوجد ضرر؟"},
    {"id": "s-en", "type": "boolean", "label": "Any damage?"},
]


def _draws_every_letter(font: QFont, text: str) -> bool:
    metrics = QFontMetrics(font)
    return all(metrics.inFontUcs4(ord(ch)) for ch in text if not ch.isspace())


def test_a_note_with_arabic_letters_is_upright_and_drawn_in_letters(qapp):
    assert takes_italics("only if “Fuel” is Full") and not takes_italics(ARABIC)
    assert not takes_italics("only if “هل يوجد ضرر؟” is Yes")  # an Arabic label in an English sentence
    fonts = _Fonts(QFont())
    english, _ = fonts.note_for("only if “Fuel” is Full")
    arabic, metrics = fonts.note_for(ARABIC)
    assert english.italic() and not arabic.italic()
    assert metrics.horizontalAdvance(ARABIC) == QFontMetrics(arabic).horizontalAdvance(ARABIC)  # its own
    assert _draws_every_letter(arabic, ARABIC)


def test_the_condition_editors_words_are_upright_for_an_arabic_step(qtbot):
    editor = ConditionEditor()
    qtbot.addWidget(editor)
    editor.set_context(STEPS, {step["id"]: step for step in STEPS})
    editor.set_value({"when": {"step": "s-en", "op": "eq", "value": True}})
    assert editor.words.font().italic(), editor.words.text()
    editor.set_value({"when": {"step": "s-ar", "op": "eq", "value": True}})
    assert "هل يوجد ضرر؟" in editor.words.text()
    assert not editor.words.font().italic()
    assert _draws_every_letter(editor.words.font(), "هل يوجد ضرر")
