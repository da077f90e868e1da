"""The editor's languages (SPEC §15): the language bar, the side-by-side translation table with missing texts
highlighted and a count per language, every change undoable, the preview in the chosen language, and
translators' files in and out."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit, QMessageBox

from rundun_desktop.editor.translation_model import COL_TARGET, MISSING_BACKGROUND, MISSING_ROLE
from tests.desktop.conftest import as_read
from tests.server.tdl.test_tdl_languages import car_check


def counts_shown(panel) -> str:
    """The counts line without its directional isolates (U+2068, U+2069): the words a person reads."""
    return panel.counts.text().replace("\u2068", "").replace("\u2069", "")


from .conftest import Driver, open_saved, until
from .test_saving import save


def edit_cell(d: Driver, aloop, table, index) -> QLineEdit:
    """The cell's editor, opened the way a translator does: a click on the cell, then a double-click."""
    table.scrollTo(index)
    where = table.visualRect(index).center()
    d.qtbot.mouseClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    d.qtbot.mouseDClick(table.viewport(), Qt.MouseButton.LeftButton, pos=where)
    until(aloop, lambda: table.viewport().findChild(QLineEdit) is not None, 5)
    return table.viewport().findChild(QLineEdit)


def open_translations(d: Driver, aloop, client, page) -> None:
    open_saved(aloop, client, page, car_check())
    d.view.middle.setCurrentWidget(d.view.translations)
    d.flush()
    d.ctl.translations.refresh()


def row_of(model, key: str) -> int:
    return next(i for i, row in enumerate(model.rows) if row[0] == key)


def test_the_table_shows_source_and_translation_and_highlights_what_is_missing(
    drive: Driver, aloop, client, page
):
    d = drive
    open_translations(d, aloop, client, page)
    panel, tr = d.view.translations, d.ctl.translations
    assert counts_shown(panel) == "de: 4 of 14 · ar: 2 of 14"
    assert panel.language.currentData() == "de"  # the first language to translate into
    model = tr.model
    assert model.headerData(0, Qt.Orientation.Horizontal) == "Source (en)"
    assert model.headerData(1, Qt.Orientation.Horizontal) == "Translation (de)"
    name = row_of(model, "name")
    assert model.rows[name] == ("name", "Car check", "Autocheck")
    missing = model.index(row_of(model, "description"), COL_TARGET)
    assert missing.data(MISSING_ROLE) is True
    assert missing.data(Qt.ItemDataRole.BackgroundRole) == MISSING_BACKGROUND
    assert model.index(name, COL_TARGET).data(Qt.ItemDataRole.BackgroundRole) is None


def test_typing_a_translation_is_one_undoable_edit(drive: Driver, aloop, client, page):
    d = drive
    open_translations(d, aloop, client, page)
    panel, tr, doc = d.view.translations, d.ctl.translations, d.ctl.doc
    table = panel.table
    index = tr.model.index(row_of(tr.model, "description"), COL_TARGET)
    editor = edit_cell(d, aloop, table, index)
    d.qtbot.keyClicks(editor, "Vor jeder Miete")
    d.qtbot.keyClick(editor, Qt.Key.Key_Return)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get("description") == "Vor jeder Miete", 5)
    assert d.ctl.stack.undoText() == "Translate description into de"
    until(aloop, lambda: counts_shown(panel).startswith("de: 5 of 14"), 5)
    assert tr.model.index(index.row(), COL_TARGET).data(MISSING_ROLE) is False
    d.ctl.stack.undo()
    assert "description" not in doc.to_tdl()["translations"]["de"]
    until(aloop, lambda: counts_shown(panel).startswith("de: 4 of 14"), 5)
    d.ctl.stack.redo()
    until(aloop, lambda: tr.model.rows[index.row()][2] == "Vor jeder Miete", 5)


def test_the_preview_follows_the_chosen_language(drive: Driver, aloop, client, page):
    d = drive
    open_translations(d, aloop, client, page)
    preview = d.view.preview
    until(aloop, lambda: preview.body.get("name") == "Autocheck", 5)
    assert preview.header.isVisible()
    d.choose(d.view.translations.language, "ar")
    until(aloop, lambda: preview.body.get("name") == "فحص السيارة", 5)
    assert preview.body["sections"][0]["title"] == "Outside"  # untranslated: the source text
    d.choose(d.view.translations.language, "en")
    until(aloop, lambda: preview.body.get("name") == "Car check", 5)
    assert as_read(d.view.translations.hint.text()).startswith("English (en) is the source language")
    assert d.ctl.translations.model.rowCount() == 0


def test_the_preview_speaks_a_translation_only_on_the_translations_tab(drive: Driver, aloop, client, page):
    """On Properties the designer edits the source texts, and the preview shows them: it showed the language
    last translated ("Autocheck"), so a label renamed in Properties seemed to change nothing."""
    d = drive
    open_translations(d, aloop, client, page)
    preview = d.view.preview
    until(aloop, lambda: preview.body.get("name") == "Autocheck", 5)
    d.view.middle.setCurrentIndex(0)  # Properties
    until(aloop, lambda: preview.body.get("name") == "Car check", 5)
    d.view.middle.setCurrentWidget(d.view.translations)
    until(aloop, lambda: preview.body.get("name") == "Autocheck", 5)


def test_adding_a_language_is_undoable_and_bad_tags_are_refused(
    drive: Driver, aloop, client, page, monkeypatch
):
    """A tag the template cannot take is asked again with what was typed and why (the box closed and the words
    typed were gone); a language's English name is taken for its tag ("German" gave an error)."""
    d = drive
    open_translations(d, aloop, client, page)
    panel, tr, doc = d.view.translations, d.ctl.translations, d.ctl.doc
    answers = iter(["es", "not a tag", "", "DE", "German", "", "Portuguese"])
    asked: list[tuple[str, str]] = []

    async def ask(typed: str = "", problem: str = "") -> str:
        asked.append((typed, problem))
        return next(answers)

    monkeypatch.setattr(panel, "ask_language", ask)
    d.click(panel.add_button)
    until(aloop, lambda: doc.to_tdl()["languages"] == ["en", "de", "ar", "es"], 5)
    assert panel.language.currentData() == "es" and tr.model.missing() == 14
    assert [as_read(panel.language.itemText(i)) for i in (0, 3)] == [
        "English (en), the source",
        "Español (es)",
    ]
    until(aloop, lambda: counts_shown(panel) == "de: 4 of 14 · ar: 2 of 14 · es: 0 of 14", 5)
    d.click(panel.add_button)  # "not a tag", asked again with it, then cancelled
    until(aloop, lambda: len(asked) == 3, 5)
    assert asked[2][0] == "not a tag" and "not a language tag" in asked[2][1]
    d.click(panel.add_button)  # "DE", then "German" (de): the template has it either way; cancelled
    until(aloop, lambda: len(asked) == 6, 5)
    assert asked[4][0] == "DE" and "already has DE" in asked[4][1]
    assert asked[5][0] == "German" and "already has de" in asked[5][1]
    assert doc.to_tdl()["languages"] == ["en", "de", "ar", "es"]
    d.click(panel.add_button)  # "Portuguese" is pt
    until(aloop, lambda: doc.to_tdl()["languages"] == ["en", "de", "ar", "es", "pt"], 5)
    d.ctl.stack.undo()
    d.ctl.stack.undo()
    until(aloop, lambda: panel.language.count() == 3, 5)
    assert doc.to_tdl()["languages"] == ["en", "de", "ar"]


def test_export_and_import_translations_in_the_editor(drive: Driver, aloop, client, page, tmp_path):
    d = drive
    open_translations(d, aloop, client, page)
    tr, doc = d.ctl.translations, d.ctl.doc
    before = doc.to_tdl()["translations"]
    xliff, csv = tmp_path / "car.de.xlf", tmp_path / "car.de.csv"
    aloop.run_until_complete(tr.export_to(xliff))
    aloop.run_until_complete(tr.export_to(csv))
    assert b'target-language="de"' in xliff.read_bytes() and csv.read_bytes().startswith(
        b"\xef\xbb\xbfkey,source"
    )
    assert aloop.run_until_complete(tr.import_from(xliff)) is None
    assert doc.to_tdl()["translations"] == before  # unchanged file: unchanged document
    csv.write_bytes(
        csv.read_bytes().replace(
            b"description,Before every rental,", b"description,Before every rental,Vorher"
        )
    )
    assert aloop.run_until_complete(tr.import_from(csv)) is None
    assert doc.to_tdl()["translations"]["de"]["description"] == "Vorher"
    assert d.ctl.stack.undoText() == "Import translations"
    d.ctl.stack.undo()
    assert doc.to_tdl()["translations"] == before
    csv.write_bytes(b"key,source,target\r\ns-gone.label,x,y\r\n")
    assert "does not have: s-gone.label" in aloop.run_until_complete(tr.import_from(csv))
    d.choose(d.view.translations.language, "ar")
    assert "translates into de, not ar" in aloop.run_until_complete(tr.import_from(xliff))
    assert doc.to_tdl()["translations"] == before


def test_the_template_menu_exports_and_imports_translations(
    drive: Driver, aloop, client, page, tmp_path, monkeypatch
):
    d = drive
    open_translations(d, aloop, client, page)
    panel, doc = d.view.translations, d.ctl.doc
    menu = [a.objectName() for a in d.view.template_menu.actions()]
    assert menu == ["action_export", "action_export_translations", "action_import_translations"]
    target = tmp_path / "car.de.csv"

    async def export_path(_suggested: str):
        return target

    async def import_path():
        return target

    monkeypatch.setattr(panel, "ask_export_path", export_path)
    monkeypatch.setattr(panel, "ask_import_path", import_path)
    d.view.actions_["export_translations"].trigger()
    until(aloop, target.exists, 5)
    target.write_bytes(target.read_bytes().replace(b"Fuel,\r\n", b"Fuel,Kraftstoff\r\n"))
    d.view.actions_["import_translations"].trigger()
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get("s-fuel.label") == "Kraftstoff", 5)
    errors = []
    monkeypatch.setattr(panel, "show_error", lambda title, text: errors.append(title))
    d.choose(panel.language, "en")
    d.view.actions_["export_translations"].trigger()
    until(aloop, lambda: errors == ["No language to translate"], 5)


def test_the_language_box_shows_the_whole_name_at_1024(drive: Driver, aloop, client, page):
    """Beside "Add language…", in the middle pane a 1024 px window leaves (366 px), the box read "English (en),
    the"."""
    from PySide6.QtWidgets import QSplitter

    d = drive
    open_translations(d, aloop, client, page)
    d.flush()
    split = d.view.findChild(QSplitter)
    total = sum(split.sizes())
    split.setSizes([total - 366 - 334, 366, 334])  # the middle pane as the audit's 1024 px window had it
    panel = d.view.translations
    panel.language.setCurrentIndex(0)  # the source: "English (en), the source", the longest
    until(aloop, lambda: panel.language.isVisible(), 5)
    until(aloop, lambda: panel.width() <= 366, 5)
    assert panel.language.currentText().endswith("the source")
    assert panel.language.width() >= panel.language.sizeHint().width(), (
        panel.language.width(),
        panel.language.sizeHint().width(),
    )


def test_renaming_a_step_or_option_id_keeps_its_translations(drive: Driver, aloop, client, page):
    """A step's id renamed in Properties dropped its translations (de: 4 → 3) and left keys naming nothing
    ("⚠ 2 problems" the Translations table could not show); now the keys follow, in the same undo step, and so
    do an option's."""
    d = drive
    open_translations(d, aloop, client, page)
    panel, doc = d.view.translations, d.ctl.doc
    d.view.middle.setCurrentIndex(0)  # Properties
    d.select_node(doc.find_step("s-tyre").uid)
    d.type(d.step_panel.id_edit, "s-tyres", commit=True)
    until(aloop, lambda: doc.find_step("s-tyres") is not None, 5)
    table = doc.to_tdl()["translations"]
    assert table["de"]["s-tyres.label"] == "Reifen in Ordnung?" and table["ar"]["s-tyres.true_label"] == "نعم"
    assert not any(key.startswith("s-tyre.") for texts in table.values() for key in texts)
    d.select_node(doc.find_step("s-fuel").uid)
    [full, _low] = d.step_panel.options_editor("choice").rows
    d.type(full.id_edit, "o-brim", commit=True)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get("o-brim") == "Voll", 5)
    assert "o-full" not in doc.to_tdl()["translations"]["de"]
    d.flush()
    until(aloop, lambda: d.view.problems.count() == 0, 5)
    d.ctl.translations.refresh()
    assert counts_shown(panel) == "de: 4 of 14 · ar: 2 of 14"
    d.ctl.stack.undo()
    d.ctl.stack.undo()
    assert doc.to_tdl()["translations"] == car_check()["translations"]


def test_a_duplicated_step_or_section_keeps_its_translations_in_one_undo_step(
    drive: Driver, aloop, client, page
):
    """A duplicated step of a translated template read untranslated in every other language (its copy's keys
    had no texts); the copy's texts now take the original's translations, undone with it."""
    d = drive
    open_translations(d, aloop, client, page)
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-tyre").uid)
    d.ctl.duplicate()
    step_ids = [s["id"] for s in doc.to_tdl()["sections"][0]["steps"]]
    copy_id = step_ids[step_ids.index("s-tyre") + 1]
    table = doc.to_tdl()["translations"]
    assert (
        table["de"][f"{copy_id}.label"] == "Reifen in Ordnung?"
        and table["ar"][f"{copy_id}.true_label"] == "نعم"
    )
    assert table["de"]["s-tyre.label"] == "Reifen in Ordnung?"  # the original keeps its own
    d.select_node(doc.sections[0].uid)
    d.ctl.duplicate()
    copied = doc.to_tdl()["sections"][1]
    fuel_copy = next(s for s in copied["steps"] if s["label"] == "Fuel")
    [full_copy, _low] = fuel_copy["config"]["options"]
    table = doc.to_tdl()["translations"]
    assert table["de"][f"{copied['id']}.title"] == "Außen" and table["de"][full_copy["id"]] == "Voll"
    d.ctl.stack.undo()
    d.ctl.stack.undo()
    assert doc.to_tdl()["translations"] == car_check()["translations"]


def test_deleting_or_retyping_takes_the_lost_texts_translations_along_and_saves(
    drive: Driver, aloop, client, page
):
    """A section deleted in a translated template left its texts' translations behind, each a key naming
    nothing: "⚠ 16 problems", and Save refused until the JSON was edited by hand. So did a deleted step, a removed
    option and a type change that dropped a label. Now each takes its translations along in one undo step; the
    server stores what the screen shows, and undo gives back every translation."""
    d = drive
    open_translations(d, aloop, client, page)
    doc = d.ctl.doc
    d.view.middle.setCurrentIndex(0)  # Properties
    d.select_node(doc.find_step("s-fuel").uid)
    [full, _low] = d.step_panel.options_editor("choice").rows
    d.click(full.remove)  # o-full, "Voll" in German
    d.select_node(doc.find_step("s-tyre").uid)
    d.choose(d.step_panel.type_combo, "text")  # its "true_label", "نعم" in Arabic, has no text any more
    d.select_node(doc.find_step("s-km").uid)
    d.key(d.view.tree, Qt.Key.Key_Delete)
    d.flush()
    table = doc.to_tdl()["translations"]
    assert table == {
        "de": {"name": "Autocheck", "g-out.title": "Außen", "s-tyre.label": "Reifen in Ordnung?"},
        "ar": {"name": "فحص السيارة"},
    }
    until(aloop, lambda: d.view.problems.count() == 0, 5)
    save(d, aloop)
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    assert stored["v"] == 2 and stored["translations"] == table
    d.select_node(doc.sections[0].uid)
    d.key(d.view.tree, Qt.Key.Key_Delete)  # the whole section, its title's translation with it
    assert doc.to_tdl()["translations"] == {"de": {"name": "Autocheck"}, "ar": {"name": "فحص السيارة"}}
    for _ in range(4):
        d.key(d.view.tree, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert doc.to_tdl()["translations"] == car_check()["translations"]


def test_a_language_is_removed_after_asking_and_the_source_cannot_be(
    drive: Driver, aloop, client, page, monkeypatch
):
    """The tab could add a language but not remove one (only the JSON tab or the API could)."""
    d = drive
    open_translations(d, aloop, client, page)
    panel, doc = d.view.translations, d.ctl.doc
    answers = iter([False, True])
    asked: list[tuple[str, int]] = []

    async def ask(language: str, translated: int) -> bool:
        asked.append((language, translated))
        return next(answers)

    monkeypatch.setattr(panel, "ask_remove_language", ask)
    assert panel.remove_button.isEnabled() and panel.language.currentData() == "de"
    d.click(panel.remove_button)  # kept
    until(aloop, lambda: len(asked) == 1, 5)
    assert [(as_read(name), n) for name, n in asked] == [("Deutsch (de)", 4)] and doc.to_tdl()[
        "languages"
    ] == ["en", "de", "ar"]
    d.click(panel.remove_button)
    until(aloop, lambda: doc.to_tdl()["languages"] == ["en", "ar"], 5)
    assert "de" not in doc.to_tdl()["translations"]
    assert d.ctl.stack.undoText() == "Remove language de"
    until(aloop, lambda: counts_shown(panel) == "ar: 2 of 14", 5)
    d.choose(panel.language, "en")
    assert not panel.remove_button.isEnabled()
    assert not d.ctl.translations.remove_language("en")
    d.ctl.stack.undo()  # one step brings back the language and its texts
    assert doc.to_tdl()["languages"] == ["en", "de", "ar"]
    assert doc.to_tdl()["translations"] == car_check()["translations"]


def test_ctrl_z_undoes_a_language_removed_through_its_dialog(drive: Driver, aloop, client, page, qapp):
    """Ctrl+Z after "Remove language…" did nothing (the toolbar's Undo worked): the focus the dialog left
    was not where the editor's shortcuts are heard."""
    d = drive
    open_translations(d, aloop, client, page)
    panel, doc = d.view.translations, d.ctl.doc
    page.activateWindow()
    d.click(panel.remove_button)
    until(aloop, lambda: isinstance(qapp.activeModalWidget(), QMessageBox), 5)
    box = qapp.activeModalWidget()
    [remove] = [b for b in box.buttons() if box.buttonRole(b) == QMessageBox.ButtonRole.DestructiveRole]
    d.click(remove)
    until(aloop, lambda: doc.to_tdl()["languages"] == ["en", "ar"] and qapp.activeModalWidget() is None, 5)
    d.pump()
    focused = qapp.focusWidget() or qapp.activeWindow() or page  # wherever the keyboard is
    d.qtbot.keyClick(focused, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    until(aloop, lambda: doc.to_tdl()["languages"] == ["en", "de", "ar"], 5)
    assert doc.to_tdl()["translations"] == car_check()["translations"]


def _translating_the_description(d: Driver, aloop, client, page):
    """The car check's translations open, "Vor jeder Miete" typed into the description's German translation
    (its editor still open): the document, the table, that cell, the key of the text after it, the editor."""
    open_translations(d, aloop, client, page)
    model, table = d.ctl.translations.model, d.view.translations.table
    index = model.index(row_of(model, "description"), COL_TARGET)
    following = model.rows[index.row() + 1][0]
    editor = edit_cell(d, aloop, table, index)
    d.qtbot.keyClicks(editor, "Vor jeder Miete")
    return d.ctl.doc, table, index, following, editor


def test_enter_after_a_translation_moves_down_and_the_next_words_go_to_the_next_text(
    drive: Driver, aloop, client, page
):
    """A translator typed a translation, pressed Enter and typed the next one, as in a spreadsheet: the table
    stayed on the row just translated, and the next words replaced that translation (lost) while the next
    text stayed untranslated. Enter now moves to the next row's translation."""
    d = drive
    doc, table, first, following, editor = _translating_the_description(d, aloop, client, page)
    d.qtbot.keyClick(editor, Qt.Key.Key_Return)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get("description") == "Vor jeder Miete", 5)
    until(aloop, lambda: table.viewport().findChild(QLineEdit) is None, 5)
    assert table.currentIndex().row() == first.row() + 1
    assert table.currentIndex().column() == COL_TARGET
    table.setFocus()
    d.qtbot.keyClicks(table, "W")  # the first key typed opens that row's translation
    until(aloop, lambda: table.viewport().findChild(QLineEdit) is not None, 5)
    second = table.viewport().findChild(QLineEdit)
    d.qtbot.keyClicks(second, "eiter")
    d.qtbot.keyClick(second, Qt.Key.Key_Return)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get(following) == "Weiter", 5)
    assert doc.to_tdl()["translations"]["de"]["description"] == "Vor jeder Miete"


def test_tab_after_a_translation_opens_the_next_translation_not_its_source(
    drive: Driver, aloop, client, page
):
    """Tab left a translation for the next row's source text, which cannot be edited: what was typed next went
    nowhere. Tab now opens the next translation, Shift+Tab the one before."""
    d = drive
    doc, table, first, following, editor = _translating_the_description(d, aloop, client, page)
    d.qtbot.keyClick(editor, Qt.Key.Key_Tab)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get("description") == "Vor jeder Miete", 5)
    until(aloop, lambda: table.viewport().findChild(QLineEdit) not in (None, editor), 5)
    assert table.currentIndex().row() == first.row() + 1
    assert table.currentIndex().column() == COL_TARGET
    second = table.viewport().findChild(QLineEdit)
    d.qtbot.keyClicks(second, "Weiter")
    d.qtbot.keyClick(second, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
    until(aloop, lambda: doc.to_tdl()["translations"]["de"].get(following) == "Weiter", 5)
    until(aloop, lambda: table.currentIndex().row() == first.row(), 5)
    assert table.currentIndex().column() == COL_TARGET


def test_a_long_text_stays_whole_when_its_column_narrows(drive: Driver, aloop, client, page):
    """The rows were fitted to their texts only when the table's rows changed: a column narrowed afterwards (the
    panes' splitter, the window, the scroll bar) cut a long source to "Abre las ventanas y enciende todas las …"
    and the translator never read its end. Each row is as tall as its texts at the columns' width now."""
    from PySide6.QtWidgets import QSplitter

    d = drive
    long = "Open every window, switch on all the lights and check that each bulb works before you start"
    open_saved(aloop, client, page, car_check(description=long))
    d.view.middle.setCurrentWidget(d.view.translations)
    split = d.view.findChild(QSplitter)
    total = sum(split.sizes())
    split.setSizes([total - 700 - 100, 700, 100])  # wide while the rows are fitted
    d.flush()
    d.ctl.translations.refresh()
    table, model = d.view.translations.table, d.ctl.translations.model
    row = row_of(model, "description")
    wide = table.rowHeight(row)
    split.setSizes([total - 366 - 334, 366, 334])  # the middle pane as a 1024 px window has it
    until(aloop, lambda: d.view.translations.width() <= 366, 5)
    until(aloop, lambda: table.rowHeight(row) >= table.sizeHintForRow(row), 5)
    assert table.rowHeight(row) > wide  # it wraps onto more lines, all of them shown


def test_a_language_is_added_by_its_own_name_and_the_source_is_named(
    drive: Driver, aloop, client, page, monkeypatch
):
    """A Spanish manager typed "árabe" and was refused, and the name her cleaners read, "العربية", was refused
    too (only English names were taken). A language's own name is taken ("español", "Français" as Qt writes
    them, "日本語"), and the tab names the source language by its name: "es is the source language" read
    "es es el idioma original" in Spanish."""
    d = drive
    open_saved(aloop, client, page, car_check(languages=["en", "de"], translations={}))
    d.view.middle.setCurrentWidget(d.view.translations)
    d.flush()
    panel, tr, doc = d.view.translations, d.ctl.translations, d.ctl.doc
    tr.refresh()
    answers = iter(["العربية", "español", "Français", "日本語"])

    async def ask(typed: str = "", problem: str = "") -> str:
        return next(answers)

    monkeypatch.setattr(panel, "ask_language", ask)
    for languages in (
        ["en", "de", "ar"],
        ["en", "de", "ar", "es"],
        ["en", "de", "ar", "es", "fr"],
        ["en", "de", "ar", "es", "fr", "ja"],
    ):
        d.click(panel.add_button)
        until(aloop, lambda languages=languages: doc.to_tdl()["languages"] == languages, 5)
    panel.language.setCurrentIndex(0)  # the source
    until(aloop, lambda: as_read(panel.hint.text()).startswith("English (en) is the source language"), 5)


def test_a_translation_whose_source_changed_is_marked_to_check(drive: Driver, aloop, client, page, speak):
    """The manager fixed a Spanish word after the Arabic was done ("Antes de empezar" → "Antes de comenzar");
    the tab still said "ar: 50 of 50" and nothing told anyone the Arabic now stood beside another text. The
    translation is highlighted with the text it was made from, the tab counts what to check, and Enter on the
    translation unchanged says it still holds."""
    from rundun_desktop.editor.translation_model import BEHIND_ROLE

    speak("en")  # English's counted words as this tree's catalogs have them
    d = drive
    open_translations(d, aloop, client, page)
    panel, model = d.view.translations, d.ctl.translations.model
    assert panel.language.currentData() == "de" and panel.hint.text() == ""
    tyre = d.ctl.doc.find_step("s-tyre")
    d.ctl.editor.set_value(tyre.uid, ("label",), "Tyres all fine?")
    until(aloop, lambda: model.rows[row_of(model, "s-tyre.label")][1] == "Tyres all fine?", 5)
    cell = model.index(row_of(model, "s-tyre.label"), COL_TARGET)
    assert cell.data(BEHIND_ROLE) == "Tyres fine?"
    assert cell.data(Qt.ItemDataRole.BackgroundRole) == MISSING_BACKGROUND
    assert "“Tyres fine?”" in cell.data(Qt.ItemDataRole.ToolTipRole)
    assert panel.hint.text().startswith("1 translation to check")
    assert model.index(row_of(model, "name"), COL_TARGET).data(BEHIND_ROLE) is None  # untouched: "Autocheck"
    assert counts_shown(panel) == "de: 4 of 14 · ar: 2 of 14"  # still translated, not missing
    d.ctl.stack.undo()  # the source back as it was translated: nothing to check
    until(aloop, lambda: model.rows[row_of(model, "s-tyre.label")][1] == "Tyres fine?", 5)
    assert model.index(row_of(model, "s-tyre.label"), COL_TARGET).data(BEHIND_ROLE) is None
    assert panel.hint.text() == ""
    d.ctl.stack.redo()
    until(
        aloop, lambda: model.index(row_of(model, "s-tyre.label"), COL_TARGET).data(BEHIND_ROLE) is not None, 5
    )
    model.setData(
        model.index(row_of(model, "s-tyre.label"), COL_TARGET), "Reifen in Ordnung?"
    )  # Enter, unchanged
    until(aloop, lambda: model.index(row_of(model, "s-tyre.label"), COL_TARGET).data(BEHIND_ROLE) is None, 5)
    assert panel.hint.text() == ""
