"""The desktop's words through Qt's translation (SPEC §15), starting with the editor's Translations tab:
catalogs complete and current, the language chosen by the setting then the system, German and Arabic shown
(Arabic right to left), and a pseudo-locale that proves every word on the tab went through translation."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt, QTranslator
from PySide6.QtWidgets import QAbstractButton, QComboBox, QLabel, QWidget

from rundun_desktop import i18n
from rundun_desktop.editor.doc import TemplateDoc
from rundun_desktop.editor.editing import DocEditor
from rundun_desktop.editor.preview import PreviewPane
from rundun_desktop.editor.translations import TranslationsController
from rundun_desktop.editor.translations_view import TranslationsPanel
from tests.server.tdl.test_tdl_languages import car_check


def counts_shown(panel) -> str:
    """The counts line without its directional isolates (U+2068, U+2069): the words a person reads."""
    return panel.counts.text().replace("\u2068", "").replace("\u2069", "")


ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
SHIPPED = ("ar", "de", "es")


@pytest.fixture(scope="module")
def compiled(compiled_catalogs) -> Path:
    """The catalogs compiled here (as `make catalogs` does), so the test needs no earlier build step."""
    return compiled_catalogs


def tab(qtbot) -> tuple[TranslationsPanel, TranslationsController]:
    from PySide6.QtGui import QUndoStack

    panel, preview = TranslationsPanel(), PreviewPane()
    qtbot.addWidget(panel)
    qtbot.addWidget(preview)
    doc = TemplateDoc(car_check())
    controller = TranslationsController(doc, DocEditor(doc, QUndoStack(panel)), panel, preview, panel)
    panel.show()
    return panel, controller


def test_every_catalog_source_compiles_into_a_shipped_language(compiled):
    """English's catalog (its plural forms only) is no language to offer: it is the source's."""
    assert sorted(
        p.stem.removeprefix("rundun_") for p in (ROOT / "resources" / "i18n").glob("*.ts")
    ) == sorted([*SHIPPED, "en"])
    assert i18n.shipped_languages(compiled) == list(SHIPPED)


@pytest.mark.parametrize("language", [*SHIPPED, "en"])
def test_every_catalog_is_complete_and_current(language, tmp_path):
    """No untranslated or obsolete entry, and extracting the words again from the code changes nothing."""
    source = ROOT / "resources" / "i18n" / f"rundun_{language}.ts"
    messages = ET.parse(source).getroot().iter("message")
    for message in messages:
        translation = message.find("translation")
        assert translation is not None and translation.get("type") is None, message.findtext("source")
        forms = translation.findall("numerusform") if message.get("numerus") == "yes" else [translation]
        assert forms and all((form.text or "").strip() for form in forms), message.findtext("source")
    copy = tmp_path / source.name
    shutil.copy(source, copy)
    modules = i18n.source_files(ROOT)
    subprocess.run(
        [BIN / "pyside6-lupdate", "-silent", *i18n.lupdate_options(language), *modules, "-ts", copy],
        check=True,
        timeout=120,
    )
    assert copy.read_text(encoding="utf-8") == source.read_text(encoding="utf-8"), (
        f"rundun_{language}.ts is not current: extract the words again "
        "(python scripts/update_catalogs.py) and translate what it adds"
    )


def test_no_words_are_translated_inside_an_f_string():
    """pyside6-lupdate does not look inside an f-string's braces: a `translate(…)` or `self.tr(…)` written
    there is never extracted, and the app shows its English in every language (a chart's "⚠ finding", a
    report's "Signature" heading)."""
    import ast

    text_argument = {"translate": 1, "tr": 0}  # where the words are (a name instead: marked elsewhere)
    hidden = []
    for module in i18n.source_files(ROOT):
        for node in ast.walk(ast.parse(Path(module).read_text(encoding="utf-8"))):
            if not isinstance(node, ast.JoinedStr):
                continue
            for call in ast.walk(node):
                if not (isinstance(call, ast.Call) and isinstance(call.func, ast.Attribute)):
                    continue
                at = text_argument.get(call.func.attr)
                if at is not None and len(call.args) > at and isinstance(call.args[at], ast.Constant):
                    hidden.append(f"{Path(module).relative_to(ROOT)}:{call.lineno}")
    assert hidden == [], "translate the words outside the f-string: " + ", ".join(hidden)


@pytest.mark.parametrize(
    ("setting", "system", "expected"),
    [
        ("", ["de-AT", "en-US"], "de"),
        ("", ["fr-FR", "ar-EG"], "ar"),
        ("", ["fr-FR"], "en"),
        ("es", ["de-DE"], "es"),
        ("en", ["de-DE"], "en"),
        ("xx", ["de_DE"], "de"),  # a setting naming no shipped language: the system's
    ],
)
def test_the_setting_then_the_system_chooses_the_language(setting, system, expected):
    assert i18n.choose_language(setting, system, list(SHIPPED)) == expected


def test_the_tab_speaks_german_and_arabic_right_to_left(qapp, qtbot, compiled):
    translation = i18n.Translation()
    try:
        assert translation.install(qapp, "de", compiled)
        panel, controller = tab(qtbot)
        assert panel.add_button.text() == "Neue Sprache…"
        assert counts_shown(panel) == "de: 4 von 14 · ar: 2 von 14"
        assert controller.model.headerData(0, Qt.Orientation.Horizontal) == "Quelle (en)"
        assert qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
        assert translation.install(qapp, "ar", compiled)
        panel, _ = tab(qtbot)
        assert panel.export_button.text() == "تصدير الترجمات…"
        assert qapp.layoutDirection() == Qt.LayoutDirection.RightToLeft
        assert not translation.install(qapp, "fr", compiled)  # no catalog: English, left to right
        assert translation.language == "en" and qapp.layoutDirection() == Qt.LayoutDirection.LeftToRight
    finally:
        translation.remove(qapp)
        qapp.setLayoutDirection(Qt.LayoutDirection.LeftToRight)


class PseudoTranslator(QTranslator):
    """A pseudo-locale: every word that goes through translation comes back marked ⟪…⟫."""

    def translate(self, context, source_text, disambiguation=None, n=-1):
        return f"⟪{source_text}⟫" if source_text else source_text

    def isEmpty(self) -> bool:
        return False


def shown_words(panel: QWidget, controller: TranslationsController) -> list[str]:
    """Every word a person reads on the tab: labels, buttons, tooltips, the language box's own words (not the
    languages' tags and native names, which are data) and the table's headers (its cells are the template's
    texts, data too)."""
    words: list[str] = []
    for widget in [panel, *panel.findChildren(QWidget)]:
        if isinstance(widget, QLabel | QAbstractButton):
            words.append(widget.text())
        if isinstance(widget, QComboBox):
            words += [
                widget.itemText(i)
                for i in range(widget.count())
                if widget.itemText(i) != i18n.tag_with_name(widget.itemData(i))
            ]
        words.append(widget.toolTip())
    words += [str(controller.model.headerData(c, Qt.Orientation.Horizontal)) for c in range(2)]
    return [w for w in words if w.strip()]


def test_every_word_on_the_tab_went_through_translation(qapp, qtbot):
    pseudo = PseudoTranslator(qapp)
    QCoreApplication.installTranslator(pseudo)
    try:
        panel, controller = tab(qtbot)
        words = shown_words(panel, controller)
        assert len(words) >= 8
        untranslated = [w for w in words if "⟪" not in w]
        assert untranslated == [], f"shown without going through translation: {untranslated}"
        controller.choose("en")  # the source language: the hint shows instead of the table
        assert "⟪" in panel.hint.text()
    finally:
        QCoreApplication.removeTranslator(pseudo)


QT_FILE_DIALOG_WORDS = {  # the file dialog's labels as Qt's own catalogs write them
    "es": ("Ver en:", "Ficheros de tipo:"),
    "ar": ("اعثر في:", "الملفّات من النّوع:"),
    "de": ("&Suchen in:", "Dateien des &Typs:"),
    "en": ("&Look in:", "Files of &type:"),
}


@pytest.mark.parametrize("language", ["es", "ar", "de"])
def test_qts_own_dialogs_speak_the_apps_language_and_stop_when_it_changes(
    language, qapp, aloop, speak, tmp_path
):
    """The Spanish app's file dialog read "Look in:" and "Files of type:" beside its Spanish words: Qt 6 asks
    for "&Look in:", which Qt's Spanish and Arabic catalogs hold without the "&". Qt's catalog is installed
    with the language (asked without the mnemonic too) and removed with it."""
    from PySide6.QtWidgets import QFileDialog, QLineEdit

    from rundun_desktop.widgets.dialogs import ask_file
    from tests.desktop.conftest import shown_dialog, wait_until

    def file_dialog_words() -> tuple[str, str]:
        parent = QWidget()
        asking = aloop.create_task(ask_file(parent, "t", "PDF (*.pdf)", "reports"))
        wait_until(aloop, lambda: shown_dialog(QFileDialog) is not None)
        dialog = shown_dialog(QFileDialog)
        words = (
            dialog.findChild(QLabel, "lookInLabel").text(),
            dialog.findChild(QLabel, "fileTypeLabel").text(),
        )
        menu = dialog.findChild(QLineEdit, "fileNameEdit").createStandardContextMenu()
        words += (menu.actions()[0].text(),)
        dialog.reject()
        wait_until(aloop, asking.done)
        return words

    speak(language)
    look_in, file_type, undo = file_dialog_words()
    assert (look_in, file_type) == QT_FILE_DIALOG_WORDS[language]
    assert "Undo" not in undo
    # Qt's catalog, asked first, answers none of the app's words: they are still the app's catalog's
    assert QCoreApplication.translate("formatting", "Complete") not in ("", "Complete")
    assert QCoreApplication.translate("no such context", "no such word") == "no such word"

    speak("en")  # the language removed: Qt's words too
    assert file_dialog_words()[:2] == QT_FILE_DIALOG_WORDS["en"]


@pytest.mark.parametrize("language", ["es", "ar", "de"])
def test_qt_has_a_catalog_for_every_shipped_language(language, compiled):
    assert language in i18n.shipped_languages(compiled)
    assert i18n.load_qt_catalog(language) is not None
