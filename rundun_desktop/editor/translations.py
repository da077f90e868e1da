"""The editor's languages (SPEC §15): which language the designer previews and translates, adding one, the
translation table's edits as undoable commands, and translators' files in and out.

Every change goes through the document's undo stack like any other edit (a translation, a new language, an
imported file), and the table, the counts and the preview follow the document, so undo and redo show at once.
What a translation is, its keys and its fallback all come from `server.tdl` (`template_texts`,
`resolve_template`, `translation_files`): the editor only shows them.
"""

from __future__ import annotations

import asyncio
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, QLocale, QObject, QTimer, Signal
from qasync import asyncSlot

from rundun_desktop import i18n
from rundun_desktop.formatting import number
from server.tdl import template_languages, translation_counts
from server.tdl import translation_files as files
from server.tdl.languages import LANGUAGE_TAG

from .commands import EditCommand
from .doc import MISSING, TEMPLATE_UID, DocEvent, TemplateDoc
from .editing import DocEditor
from .preview import PreviewPane
from .translation_model import TranslationTableModel
from .translations_view import TranslationsPanel

REFRESH_DELAY_MS = 60


def counts_text(body: dict[str, Any]) -> str:
    """`de: 41 of 44 · ar: 2 of 44`, or a word on how to start."""
    counts = translation_counts(body)
    if not counts:
        return QCoreApplication.translate(
            "TranslationsController", "Only the source language so far: add a language to translate."
        )
    of = QCoreApplication.translate("TranslationsController", "{0}: {1} of {2}")
    # Each count isolated (U+2068 … U+2069), so a right-to-left window keeps "de: 41 of 44" together.
    return " · ".join(
        f"\u2068{of.format(tag, number(done), number(total))}\u2069" for tag, (done, total) in counts.items()
    )


class TranslationsController(QObject):
    language_changed = Signal(str)  # the language the designer now previews and translates

    def __init__(
        self, doc: TemplateDoc, editor: DocEditor, panel: TranslationsPanel, preview: PreviewPane, parent=None
    ) -> None:
        super().__init__(parent)
        self.doc, self.editor, self.panel, self.preview = doc, editor, panel, preview
        self.model = TranslationTableModel(self)
        panel.table.setModel(self.model)
        self.language: str | None = None  # the language translated, and previewed while `shown`
        # Whether the Translations tab is the one shown: only then does the preview speak the translation.
        # Elsewhere the designer edits the source texts, and the preview showed "Kilometerstand" while they
        # renamed "Odometer reading" in Properties: their edit seemed to go nowhere.
        self.shown = False
        self._picked = (
            False  # the designer chose it (else the first one to translate into, when there is one)
        )
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(REFRESH_DELAY_MS)
        self._timer.timeout.connect(self.refresh)
        doc.listeners.append(self._on_doc)
        panel.language.currentIndexChanged.connect(self._language_picked)
        panel.add_button.clicked.connect(self._ask_language)
        panel.remove_button.clicked.connect(self._ask_remove)
        panel.export_button.clicked.connect(self.ask_export)
        panel.import_button.clicked.connect(self.ask_import)
        self.model.target_edited.connect(self.set_translation)
        self.model.target_checked.connect(self._checked)
        # Each translation with the source text it stood beside when the template was opened: a source changed
        # since then leaves its translation behind, and the table says so ("Antes de empezar" became "Antes de
        # comenzar" in Spanish; the Arabic still said "قبل أن تبدأ" and the tab said "ar: 50 of 50", all done).
        self._opened_with: dict[tuple[str, str], tuple[str, str]] = {}
        self.refresh()

    def remember_sources(self) -> None:
        """The template just opened: its translations and their source texts, the ones a change leaves behind."""
        body = self.doc.to_tdl()
        self._opened_with = {
            (tag, u.key): (u.source, u.target)
            for tag in template_languages(body)[1:]
            for u in files.units(body, tag)
            if u.target
        }

    def _checked(self, key: str) -> None:
        """A translation the translator confirmed against its changed source: no longer left behind."""
        if self.language is None:
            return
        for u in files.units(self.doc.to_tdl(), self.language):
            if u.key == key:
                self._opened_with[(self.language, key)] = (u.source, u.target)
        self.refresh()

    def behind(self, body: dict[str, Any], tag: str) -> dict[str, str]:
        """{key: the source it was translated from} for each translation into `tag` whose source text has
        changed since the template was opened while the translation stayed as it was."""
        left = {}
        for u in files.units(body, tag):
            opened = self._opened_with.get((tag, u.key))
            if u.target and opened and opened[1] == u.target and opened[0] != u.source:
                left[u.key] = opened[0]
        return left

    # -- following the document -----------------------------------------------------------------------
    def _on_doc(self, _event: DocEvent, before: bool) -> None:
        if not before:
            self._timer.start()

    def refresh(self) -> None:
        """Languages, counts, table and preview from the document as it is now."""
        self._timer.stop()
        body = self.doc.to_tdl()
        languages = template_languages(body)
        if self.language not in languages or not self._picked:
            self._picked = False
            self.language = languages[1] if len(languages) > 1 else languages[0]
        combo = self.panel.language
        combo.blockSignals(True)
        if [combo.itemData(i) for i in range(combo.count())] != languages:
            combo.clear()
            for k, tag in enumerate(languages):
                shown = i18n.tag_with_name(tag)
                combo.addItem(self.tr("{0}, the source").format(shown) if k == 0 else shown, tag)
        combo.setCurrentIndex(languages.index(self.language))
        combo.blockSignals(False)
        source = languages[0]
        translating = self.language != source
        rows = [(u.key, u.source, u.target) for u in files.units(body, self.language)] if translating else []
        behind = self.behind(body, self.language) if translating else {}
        self.model.set_rows(rows, source, self.language if translating else "", behind)
        self.panel.fit_rows()
        self.panel.counts.setText(counts_text(body))
        self.panel.hint.setText(
            self.tr(
                "%Ln translation(s) to check: the source changed after they were translated (highlighted).",
                "",
                len(behind),
            )
            if behind
            else ""
            if translating
            else self.tr(
                "{0} is the source language: its texts are edited in Properties. "
                "Choose or add another language to translate."
            ).format(i18n.tag_with_name(source))  # "Español (es) is…": it read "es es el idioma original"
        )
        self.panel.remove_button.setEnabled(translating)  # the source language stays
        self.panel.export_button.setEnabled(translating)
        self.panel.import_button.setEnabled(translating)
        self.preview.set_language(self.previewed())

    def previewed(self) -> str | None:
        """The language the preview shows: the one being translated on the Translations tab, else the source."""
        return self.language if self.shown else None

    def set_shown(self, shown: bool) -> None:
        self.shown = shown
        self.preview.set_language(self.previewed())

    def _language_picked(self, index: int) -> None:
        tag = self.panel.language.itemData(index)
        if isinstance(tag, str) and tag != self.language:
            self.choose(tag)

    def choose(self, tag: str) -> None:
        """Preview and translate `tag` (one of the template's languages)."""
        self.language, self._picked = tag, True
        self.refresh()
        self.language_changed.emit(tag)

    # -- edits (all undoable) -------------------------------------------------------------------------
    def set_translation(self, key: str, text: str) -> None:
        """Set one text's translation into the language being edited; "" removes it (the source shows)."""
        path = ("translations", self.language, key)
        if self.language is None or self.doc.get(TEMPLATE_UID, path) == (text or MISSING):
            return
        command = EditCommand(
            self.doc,
            self.tr("Translate {0} into {1}").format(key, self.language),
            [(TEMPLATE_UID, path, text or MISSING)],
        )
        self.editor.stack.push(command)

    def language_problem(self, tag: str) -> str | None:
        if not LANGUAGE_TAG.match(tag):
            return self.tr(
                "“{0}” is not a language tag. Use a BCP 47 tag such as de, es, ar or pt-BR."
            ).format(tag)
        if tag.lower() in (t.lower() for t in template_languages(self.doc.to_tdl())):
            return self.tr("The template already has {0}.").format(tag)
        return None

    def add_language(self, tag: str) -> bool:
        """Add a language (one undoable edit) and switch to it; False (and words shown) when it cannot be."""
        problem = self.language_problem(tag)
        if problem:
            self.panel.show_error(self.tr("Language not added"), problem)
            return False
        languages = template_languages(self.doc.to_tdl())
        self.editor.stack.push(
            EditCommand(
                self.doc,
                self.tr("Add language {0}").format(tag),
                [(TEMPLATE_UID, ("languages",), [*languages, tag])],
            )
        )
        self.choose(tag)
        return True

    def remove_language(self, tag: str) -> bool:
        """Remove a language and its translations as one undoable edit; False for the source or a tag the
        template lacks."""
        body = self.doc.to_tdl()
        languages = template_languages(body)
        if tag not in languages[1:]:
            return False
        edits: list[tuple[int, tuple, Any]] = [
            (TEMPLATE_UID, ("languages",), [t for t in languages if t != tag])
        ]
        if tag in (body.get("translations") or {}):
            edits.append((TEMPLATE_UID, ("translations", tag), MISSING))
        self.editor.stack.push(EditCommand(self.doc, self.tr("Remove language {0}").format(tag), edits))
        self.refresh()
        return True

    def apply_file(self, data: bytes, file_format: str) -> str | None:
        """Import a translator's file into the language being edited as one undoable edit; the problem in
        words when the file cannot be used (then nothing changes)."""
        body = self.doc.to_tdl()
        tag = self.language
        if tag is None or tag == template_languages(body)[0]:
            return self.tr("Choose the language the file translates into first.")
        try:
            targets = files.read_file(data, file_format)
            stated = files.xliff_target_language(data) if file_format == "xliff" else tag
        except files.TranslationFileError as exc:
            return self.tr("The file cannot be read: {0}.").format(exc)
        if stated not in (None, tag):
            return self.tr("The file translates into {0}, not {1}.").format(stated, tag)
        unknown = files.unknown_keys(body, targets)
        if unknown:
            return self.tr("The file names texts this template does not have: {0}.").format(
                ", ".join(unknown[:5])
            )
        table = files.merged_translations(body, tag, targets)
        self.editor.stack.push(
            EditCommand(self.doc, self.tr("Import translations"), [(TEMPLATE_UID, ("translations",), table)])
        )
        return None

    # -- files ----------------------------------------------------------------------------------------
    async def export_to(self, path: Path) -> None:
        """Write the language being edited as XLIFF 1.2 (or CSV, by the file's extension), off the GUI thread."""
        file_format = "csv" if path.suffix.lower() == ".csv" else "xliff"
        name = str(self.doc.meta.get("name") or "template")
        data = files.export_file(self.doc.to_tdl(), self.language or "", file_format, original=name)
        await asyncio.to_thread(path.write_bytes, data)

    async def import_from(self, path: Path) -> str | None:
        data = await asyncio.to_thread(path.read_bytes)
        return self.apply_file(data, "csv" if path.suffix.lower() == ".csv" else "xliff")

    @asyncSlot()
    async def _ask_language(self) -> None:
        typed, problem = "", ""
        while (typed := await self.panel.ask_language(typed, problem) or "") != "":
            tag = tag_of_name(typed) or typed  # "German" is de
            problem = self.language_problem(tag) or ""
            if not problem:
                self.add_language(tag)
                return

    @asyncSlot()
    async def _ask_remove(self) -> None:
        tag = self.language
        body = self.doc.to_tdl()
        if tag is None or tag not in template_languages(body)[1:]:
            return
        texts = (body.get("translations") or {}).get(tag) or {}
        if await self.panel.ask_remove_language(i18n.tag_with_name(tag), len(texts)):
            self.remove_language(tag)
            self.panel.focus_language()

    def _not_translating(self) -> bool:
        """True (and words shown) when the language chosen is the source: there is nothing to exchange."""
        if self.language is not None and self.language != template_languages(self.doc.to_tdl())[0]:
            return False
        self.panel.show_error(
            self.tr("No language to translate"), self.tr("Choose or add a language to translate first.")
        )
        return True

    @asyncSlot()
    async def ask_export(self) -> None:
        """Export translations… (the Translations tab's button and the template menu)."""
        if self._not_translating():
            return
        name = str(self.doc.meta.get("name") or "template")
        path = await self.panel.ask_export_path(f"{name}.{self.language}.xlf")
        if path is None:
            return
        try:
            await self.export_to(path)
        except OSError as exc:
            self.panel.show_error(
                self.tr("Translations not exported"),
                self.tr("{0} could not be written: {1}.").format(path, exc.strerror),
            )

    @asyncSlot()
    async def ask_import(self) -> None:
        """Import translations… (the Translations tab's button and the template menu)."""
        if self._not_translating():
            return
        path = await self.panel.ask_import_path()
        if path is None:
            return
        try:
            problem = await self.import_from(path)
        except OSError as exc:
            problem = self.tr("{0} could not be read: {1}.").format(path, exc.strerror)
        if problem:
            self.panel.show_error(self.tr("Translations not imported"), problem)


def tag_of_name(name: str) -> str | None:
    """The language tag of a language's English name or its own ("German" or "Deutsch" → "de", "العربية" →
    "ar"; "Brazilian Portuguese" is no name Qt knows); None when `name` is none. (A Spanish manager typed
    "Árabe", was refused, and could not type the name her cleaners read, "العربية", either.)"""
    wanted = name.strip().casefold()
    if not wanted or LANGUAGE_TAG.match(name.strip()):
        return None
    for language in QLocale.Language:
        if language in (QLocale.Language.AnyLanguage, QLocale.Language.C):
            continue
        locale = QLocale(language)
        # Qt's own name can carry its default region ("español de España", "American English"): its first
        # or last word is the language's name too.
        native = locale.nativeLanguageName().casefold().split()
        names = {QLocale.languageToString(language).casefold(), " ".join(native), *native[:1], *native[-1:]}
        if wanted in names:
            return locale.name().split("_")[0]
    return None
