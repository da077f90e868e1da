"""Layout of the editor's Translations tab: the language bar (which language to preview and translate, add a
language, how much is done) over the side-by-side table (source | translation), and the translators' files.
Widgets and dialogs only; `translations.py` decides."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QModelIndex, QPersistentModelIndex, Qt, QTimer
from PySide6.QtGui import QBrush, QPainter
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMessageBox,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import last_folders
from rundun_desktop.widgets.dialogs import run_dialog
from rundun_desktop.widgets.own_direction import text_direction
from rundun_desktop.words import QT_TRANSLATE_NOOP

FILE_FILTERS = QT_TRANSLATE_NOOP("translations_view", "XLIFF 1.2 (*.xlf *.xliff);;CSV (*.csv)")


class MissingHighlight(QStyledItemDelegate):
    """Paints the model's BackgroundRole under the text: the app's style sheet styles table items, and Qt then
    ignores a model's background, which is how a missing translation shows. Each cell reads in its own text's
    direction, so an English source keeps its question mark at the end in a right-to-left window."""

    def initStyleOption(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        super().initStyleOption(option, index)
        direction = text_direction(str(index.data() or ""))
        if direction is not None:
            option.direction = direction

    def paint(
        self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> None:
        brush = index.data(Qt.ItemDataRole.BackgroundRole)
        if isinstance(brush, QBrush):
            painter.fillRect(option.rect, brush)
        super().paint(painter, option, index)


class TranslationTable(QTableView):
    """The side-by-side table, moving through the translations as a spreadsheet does: Enter keeps what was typed
    and goes down to the next translation, Tab opens it, Shift+Tab the one before. Enter stayed on the row just
    translated, so the next words typed replaced that translation; Tab went to the next source text, which
    cannot be edited, and what was typed next went nowhere."""

    def closeEditor(self, editor: QWidget, hint: QAbstractItemDelegate.EndEditHint) -> None:
        Hint = QAbstractItemDelegate.EndEditHint
        steps = {Hint.SubmitModelCache: 1, Hint.EditNextItem: 1, Hint.EditPreviousItem: -1}
        step = steps.get(hint, 0)
        current = self.currentIndex()
        super().closeEditor(editor, Hint.NoHint if step else hint)
        model = self.model()
        if not step or model is None or not current.isValid():
            return
        target = model.index(current.row() + step, current.column())
        if not target.isValid():
            return
        self.setCurrentIndex(target)
        self.scrollTo(target)
        if hint != Hint.SubmitModelCache:
            self.edit(target)


class TranslationsPanel(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("translationsPanel")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(8, 8, 8, 8)
        outer.setSpacing(6)

        bar = QHBoxLayout()
        bar.setSpacing(6)
        caption = QLabel(self.tr("Language"))
        self.language = QComboBox()
        self.language.setObjectName("languageChoice")
        self.language.setToolTip(self.tr("The language the preview shows and the table translates into"))
        self.language.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        self.add_button = QToolButton()
        self.add_button.setObjectName("addLanguage")
        self.add_button.setText(self.tr("Add language…"))
        self.remove_button = QToolButton()
        self.remove_button.setObjectName("removeLanguage")
        self.remove_button.setText(self.tr("Remove language…"))
        self.remove_button.setToolTip(
            self.tr("Remove the chosen language and its translations from the template")
        )
        self.export_button = QToolButton()
        self.export_button.setObjectName("exportTranslations")
        self.export_button.setText(self.tr("Export translations…"))
        self.import_button = QToolButton()
        self.import_button.setObjectName("importTranslations")
        self.import_button.setText(self.tr("Import translations…"))
        # The language alone on its row: beside "Add language…" the panel's width at 1024 px cut its name to
        # "English (en), the".
        bar.addWidget(caption)
        bar.addWidget(self.language, 1)
        outer.addLayout(bar)
        adding = QHBoxLayout()
        adding.addWidget(self.add_button)
        adding.addWidget(self.remove_button)
        adding.addStretch(1)
        outer.addLayout(adding)
        files = QHBoxLayout()
        files.addWidget(self.export_button)
        files.addWidget(self.import_button)
        files.addStretch(1)
        outer.addLayout(files)

        self.counts = QLabel()
        self.counts.setObjectName("translationCounts")
        self.counts.setWordWrap(True)
        outer.addWidget(self.counts)
        self.hint = QLabel()
        self.hint.setObjectName("muted")
        self.hint.setWordWrap(True)
        outer.addWidget(self.hint)

        self.table = TranslationTable()
        self.table.setObjectName("translationTable")
        self.table.setWordWrap(True)
        self.table.setAlternatingRowColors(False)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QAbstractItemView.EditTrigger.DoubleClicked
            | QAbstractItemView.EditTrigger.EditKeyPressed
            | QAbstractItemView.EditTrigger.AnyKeyPressed
        )
        self.table.setItemDelegate(MissingHighlight(self.table))
        outer.addWidget(self.table, 1)
        # Rows fitted again whenever the columns change width (the panes' splitter, the window, the scroll bar
        # that the fitted rows bring): fitted only when the rows changed, a long source text whose column then
        # narrowed read "Abre las ventanas y enciende todas las …" and the translator never saw its end.
        self._refit = QTimer(self)
        self._refit.setSingleShot(True)
        self._refit.setInterval(0)  # once for the many sectionResized of one change
        self._refit.timeout.connect(self.fit_rows)
        self.table.horizontalHeader().sectionResized.connect(lambda *_: self._refit.start())

    def fit_rows(self) -> None:
        """Rows as tall as their wrapped texts, so a translator reads whole sentences side by side."""
        self.table.resizeRowsToContents()

    # -- dialogs (awaitable, no nested event loop) ----------------------------------------------------------
    async def ask_language(self, typed: str = "", problem: str = "") -> str | None:
        """The language to add, as typed; asked again with what was typed and its `problem` when it could not
        be added (the box closed, and the words typed were gone)."""
        dialog = QInputDialog(self)
        dialog.setWindowTitle(self.tr("Add language"))
        ask = self.tr(
            "Language tag (BCP 47), e.g. de, es, ar, pt-BR, or the language's name in English or in its own "
            "language (Arabic, العربية):"
        )
        dialog.setLabelText(f"{problem}\n\n{ask}" if problem else ask)
        dialog.setTextValue(typed)
        accepted = await run_dialog(dialog) == QDialog.DialogCode.Accepted
        tag = dialog.textValue().strip()
        return tag if accepted and tag else None

    async def ask_remove_language(self, language: str, translated: int) -> bool:
        """Whether to remove `language` ("Deutsch (de)") and its `translated` texts from the template."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Remove language"),
            self.tr("Remove {0} from this template?").format(language),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr(
                "%Ln translated text(s) go with it. Runs already dispatched in it keep theirs.",
                "",
                translated,
            )
        )
        remove = box.addButton(self.tr("Remove {0}").format(language), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        await run_dialog(box)
        return box.clickedButton() is remove

    def focus_language(self) -> None:
        """The keyboard back in the tab, on the language chosen, its window active: the Remove button that had
        the focus is disabled once the language is gone, which left the focus nowhere, so Ctrl+Z did not undo
        the removal (the toolbar's Undo did)."""
        self.window().activateWindow()
        self.language.setFocus(Qt.FocusReason.OtherFocusReason)

    async def ask_export_path(self, suggested: str) -> Path | None:
        dialog = QFileDialog(
            self,
            self.tr("Export translations"),
            last_folders.start_in(last_folders.TRANSLATIONS, suggested),
            QCoreApplication.translate("translations_view", FILE_FILTERS),
        )
        dialog.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dialog.setDefaultSuffix("xlf")
        return self._chosen(dialog, await run_dialog(dialog))

    async def ask_import_path(self) -> Path | None:
        dialog = QFileDialog(
            self,
            self.tr("Import translations"),
            last_folders.start_in(last_folders.TRANSLATIONS),
            QCoreApplication.translate("translations_view", FILE_FILTERS),
        )
        dialog.setFileMode(QFileDialog.FileMode.ExistingFile)
        return self._chosen(dialog, await run_dialog(dialog))

    @staticmethod
    def _chosen(dialog: QFileDialog, result: int) -> Path | None:
        files = dialog.selectedFiles()
        chosen = Path(files[0]) if result == QDialog.DialogCode.Accepted and files else None
        return last_folders.kept(last_folders.TRANSLATIONS, chosen)

    def show_error(self, title: str, text: str) -> None:
        QMessageBox(QMessageBox.Icon.Warning, title, text, QMessageBox.StandardButton.Ok, self).open()
