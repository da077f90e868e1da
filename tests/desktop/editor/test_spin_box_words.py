"""The words a spin box shows for 'not set' ("no limit", "any", "not set") and its unit go through
translation: German showed "Maximale Länge: no limit"."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QSpinBox

from rundun_desktop.editor.properties_view import StepPanel, TemplatePanel
from tests.desktop.test_i18n import PseudoTranslator


def test_every_spin_box_word_of_the_panels_is_translated(qapp, qtbot):
    pseudo = PseudoTranslator(qapp)
    QCoreApplication.installTranslator(pseudo)
    try:
        panels = [StepPanel(lambda taken: "o-1"), TemplatePanel()]
        for panel in panels:
            qtbot.addWidget(panel)
        words = [
            word
            for panel in panels
            for box in panel.findChildren(QSpinBox)
            for word in (box.specialValueText(), box.suffix())
            if word.strip()
        ]
        assert len(words) >= 5  # no limit (twice), any, not set, min
        untranslated = [w for w in words if "⟪" not in w]
        assert untranslated == [], f"shown without going through translation: {untranslated}"
    finally:
        QCoreApplication.removeTranslator(pseudo)
