"""New from library (SPEC §12): search the server's template library, preview a template as the executor
would see it, and "Use this" to open it in the editor unsaved, as Generate does.

`LibraryDialog` lays out; `LibraryController` talks to the server through the ApiClient (the list with
the search words, each template once, cached) and decides what the dialog shows. Both ask in the app's
language (SPEC §15): a German designer reads German names and edits the template with German first, its
English and other texts kept as its translations.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QSplitter,
    QVBoxLayout,
    QWidget,
)
from qasync import asyncSlot

from rundun_desktop import formatting as fmt
from rundun_desktop.i18n import TRANSLATION
from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.wrapped_rows import fit_wrapped_rows
from server.tdl import TdlError, normalize_template, validate_template

from ..api_client import ApiClient, ApiError
from .icons import icon
from .preview import PreviewPane
from .style import EDITOR_STYLE

SEARCH_DELAY_MS = 200
SLUG_ROLE = Qt.ItemDataRole.UserRole


class LibraryDialog(QDialog):
    """The layout: search over a list of templates on the left, the preview on the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("New from library"))
        self.setObjectName("libraryDialog")
        set_sheet(self, EDITOR_STYLE)
        self.resize(980, 640)
        layout = QVBoxLayout(self)
        self.search = QLineEdit()
        self.search.setObjectName("librarySearch")
        self.search.setPlaceholderText(self.tr("Search the library: forklift, HACCP, move-out, scaffold…"))
        self.search.setClearButtonEnabled(True)
        self.search.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        layout.addWidget(self.search)

        split = QSplitter(Qt.Orientation.Horizontal)
        left = QWidget()
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        self.list = QListWidget()
        self.list.setObjectName("libraryList")
        self.list.setSpacing(2)
        fit_wrapped_rows(self.list)
        column.addWidget(self.list, 1)
        self.count = QLabel()
        self.count.setObjectName("muted")
        column.addWidget(self.count)
        split.addWidget(left)

        right = QWidget()
        pane = QVBoxLayout(right)
        pane.setContentsMargins(8, 0, 0, 0)
        self.title = QLabel()
        self.title.setObjectName("panelTitle")
        self.title.setWordWrap(True)
        self.description = QLabel()
        self.description.setObjectName("muted")
        self.description.setWordWrap(True)
        self.preview = PreviewPane()
        pane.addWidget(self.title)
        pane.addWidget(self.description)
        pane.addWidget(self.preview, 1)
        split.addWidget(right)
        split.setSizes([340, 640])
        layout.addWidget(split, 1)

        self.status = QLabel()
        self.status.setObjectName("muted")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox()
        self.use_button = buttons.addButton(self.tr("Use this"), QDialogButtonBox.ButtonRole.AcceptRole)
        self.use_button.setObjectName("useLibraryTemplate")
        self.use_button.setEnabled(False)
        buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def set_rows(self, rows: list[dict[str, Any]], keep: str | None, language: str = "en") -> None:
        """List the templates (name, then how many steps and, where the list reads English, what it is for);
        keep `keep` selected."""
        self.list.blockSignals(True)
        self.list.clear()
        for row in rows:
            steps = _steps_words(row)
            tags = ", ".join(row.get("tags", [])[:4]) if _reads_english(row, language) else ""
            text = (
                self.tr("{0}\n{1} · {2}").format(row["name"], steps, tags)
                if tags
                else f"{row['name']}\n{steps}"
            )
            item = QListWidgetItem(text)
            item.setData(SLUG_ROLE, row["slug"])
            item.setToolTip(row.get("description", ""))
            self.list.addItem(item)
        slugs = [row["slug"] for row in rows]
        self.list.setCurrentRow(slugs.index(keep) if keep in slugs else 0 if rows else -1)
        self.list.blockSignals(False)
        self.count.setText(self.tr("%Ln template(s)", "", len(rows)))

    def selected_slug(self) -> str | None:
        item = self.list.currentItem()
        return item.data(SLUG_ROLE) if item is not None else None

    def show_template(self, body: dict[str, Any]) -> bool:
        """Preview a template (checked with the shared domain package first)."""
        try:
            model = validate_template(body)
        except TdlError as exc:
            self.show_error(self.tr("This library template is not valid: {0}").format(exc))
            return False
        self.title.setText(model.name)
        self.description.setText(model.description or "")
        self.preview.set_template(normalize_template(model), model)
        self.use_button.setEnabled(True)
        self.status.setText(
            self.tr("Use this to open it in the editor; nothing is saved until you save it there.")
        )
        return True

    def show_nothing(self) -> None:
        self.title.setText("")
        self.description.setText(self.tr("Nothing in the library matches these words."))
        self.preview.clear()  # the last template's preview stayed, as if it matched
        self.status.setText("")
        self.use_button.setEnabled(False)

    def show_error(self, text: str) -> None:
        self.status.setText(f"⚠ {text}")


def _steps_words(row: dict[str, Any]) -> str:
    """The steps a run of it shows, and how many more follow answers; all of them alone from a server whose
    list does not tell them apart."""
    if "start_step_count" not in row:
        return fmt.count(row.get("step_count", 0), "step")
    return fmt.steps_of_template(row["start_step_count"], row.get("conditional_step_count", 0))


def _reads_english(row: dict[str, Any], language: str) -> bool:
    """Whether the row's name is in English: the library's tags are English words (no translation carries
    them), so a German or Arabic list showed "forklift, lift truck, fork truck" under each German name."""
    return language == "en" or language not in row.get("languages", [])


class LibraryController(QObject):
    """Fills the dialog from `/v1/library` and emits `use_requested` with the chosen template's body."""

    use_requested = Signal(dict)

    def __init__(self, dialog: LibraryDialog, api: ApiClient) -> None:
        super().__init__(dialog)
        self.dialog, self.api = dialog, api
        self.language = TRANSLATION.language  # the app's, as the dialog opens
        self.bodies: dict[str, dict[str, Any]] = {}
        self.shown: str | None = None
        self._search = QTimer(self)
        self._search.setSingleShot(True)
        self._search.setInterval(SEARCH_DELAY_MS)
        self._search.timeout.connect(self.refresh)
        dialog.search.textChanged.connect(lambda _: self._search.start())
        dialog.list.currentItemChanged.connect(lambda *_: self.preview_selected())
        dialog.list.itemDoubleClicked.connect(lambda _: self.use())
        dialog.use_button.clicked.connect(self.use)

    @asyncSlot()
    async def refresh(self) -> None:
        await self.load()

    async def load(self) -> None:
        """The templates matching the search words (all of them with none)."""
        words = self.dialog.search.text().strip() or None
        try:
            rows = await self.api.library(q=words, language=self.language)
        except ApiError as exc:
            missing = exc.status in (404, 405)
            self.dialog.show_error(self.tr("This server has no template library.") if missing else str(exc))
            return
        if words != (self.dialog.search.text().strip() or None):
            return  # the user typed on: the next search answers
        self.dialog.set_rows(rows, self.shown, self.language)
        if not rows:
            self.shown = None
            self.dialog.show_nothing()
        elif self.dialog.selected_slug() != self.shown:
            await self.show(self.dialog.selected_slug())

    @asyncSlot()
    async def preview_selected(self) -> None:
        await self.show(self.dialog.selected_slug())

    async def show(self, slug: str | None) -> None:
        if slug is None:
            return
        if slug not in self.bodies:
            try:
                self.bodies[slug] = await self.api.library_template(slug, self.language)
            except ApiError as exc:
                self.dialog.show_error(str(exc))
                return
        if self.dialog.selected_slug() == slug and self.dialog.show_template(self.bodies[slug]):
            self.shown = slug

    def use(self) -> None:
        """Hand the shown template on to be edited, unsaved."""
        if self.shown is not None and self.shown == self.dialog.selected_slug():
            self.use_requested.emit(dict(self.bodies[self.shown]))
            self.dialog.accept()


def open_library(parent: QWidget, api: ApiClient) -> tuple[LibraryDialog, LibraryController]:
    """Show the dialog and start loading the library."""
    dialog = LibraryDialog(parent)
    controller = LibraryController(dialog, api)
    dialog.open()
    controller.refresh()
    return dialog, controller
