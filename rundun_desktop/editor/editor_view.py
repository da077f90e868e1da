"""Layout of the template editor: a toolbar, the structure tree, the properties and template
panels, and the preview / JSON / problems side. Widgets and actions only; the controller wires them."""

from __future__ import annotations

from collections.abc import Iterator

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QFrame,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QMenu,
    QMessageBox,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop.theme import set_sheet
from rundun_desktop.widgets.common import every_tab_in_view
from rundun_desktop.widgets.dialogs import run_dialog
from rundun_desktop.widgets.fit import ElidedLabel, fold_labels
from rundun_desktop.widgets.wrapped_rows import fit_wrapped_rows
from rundun_desktop.words import quoted
from server.tdl import STEP_TYPES

from .condition_text import type_name
from .field_undo import DocumentUndoKeys
from .icons import icon, type_icon
from .json_view import JsonView
from .preview import PreviewPane
from .properties_view import TemplatePanel
from .style import EDITOR_STYLE
from .translations_view import TranslationsPanel
from .tree_view import StructureTree


def _takes_tab(widget: QWidget) -> bool:
    tab = Qt.FocusPolicy.TabFocus
    return (
        widget.isVisible()
        and widget.isEnabled()
        and widget.focusProxy() is None
        and widget.focusPolicy() & tab == tab
    )


def _chain(start: QWidget, forward: bool) -> Iterator[QWidget]:
    """The window's focus chain after (or before) `start`, once round."""
    widget = start.nextInFocusChain() if forward else start.previousInFocusChain()
    seen: set[int] = set()
    while widget is not None and widget is not start and id(widget) not in seen:
        seen.add(id(widget))
        yield widget
        widget = widget.nextInFocusChain() if forward else widget.previousInFocusChain()


def _notice_bar(*buttons: QPushButton) -> tuple[QFrame, QLabel]:
    """A hidden yellow bar across the editor: its words (the label returned), then `buttons`."""
    bar = QFrame()
    bar.setObjectName("conflictBanner")
    row = QHBoxLayout(bar)
    row.setContentsMargins(14, 8, 14, 8)
    text = QLabel()
    text.setWordWrap(True)
    row.addWidget(text, 1)
    for button in buttons:
        row.addWidget(button)
    bar.hide()
    return bar, text


def _scroll(widget: QWidget) -> QScrollArea:
    area = QScrollArea()
    area.setWidgetResizable(True)
    area.setFrameShape(QFrame.Shape.NoFrame)
    # The panels are laid out to fit the pane; should one still be wider, it scrolls rather than being cut.
    area.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
    area.setWidget(widget)
    return area


# Keys the tree hears only: in a text field Delete deletes text and Ctrl+C / Ctrl+V copy and paste text.
TREE_ONLY = ("delete", "copy", "paste")


class EditorView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("templateEditor")
        # The undo stack is the view's first child, so it is destroyed before the actions and labels
        # that follow it (its destructor clears itself and emits signals those slots would touch).
        self.undo_stack = QUndoStack(self)
        set_sheet(self, EDITOR_STYLE)
        self.actions_: dict[str, QAction] = {}
        self._make_actions()
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.setSpacing(0)
        self.toolbar_bar = self._toolbar()
        outer.addWidget(self.toolbar_bar)

        self.banner_button = QPushButton(self.tr("Resolve…"))
        self.banner, self.banner_text = _notice_bar(self.banner_button)
        outer.addWidget(self.banner)
        # The notice that the server has a newer version than the one being edited (made elsewhere), or no
        # longer the template: in the window, not a dialog, so the designer's work goes on undisturbed.
        self.newer_look_button = QPushButton()
        self.newer_keep_button = QPushButton(self.tr("Keep editing"))
        self.newer_bar, self.newer_text = _notice_bar(self.newer_look_button, self.newer_keep_button)
        outer.addWidget(self.newer_bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        split.setChildrenCollapsible(False)
        self.tree = StructureTree()
        self.tree.setMinimumWidth(200)
        for name in (
            "add_step",
            "add_section",
            "duplicate",
            "copy",
            "paste",
            "delete",
            "move_up",
            "move_down",
        ):
            self.tree.addAction(self.actions_[name])
        self.tree.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        split.addWidget(self.tree)

        self.node_panels = QStackedWidget()
        self.template_panel = TemplatePanel()
        self.middle = QTabWidget()
        self.middle.setObjectName("propertiesTabs")
        self.node_area, self.template_area = _scroll(self.node_panels), _scroll(self.template_panel)
        self.middle.addTab(self.node_area, self.tr("Properties"))
        self.middle.addTab(self.template_area, self.tr("Template"))
        self.translations = TranslationsPanel()  # SPEC §15: languages and the translation table
        self.middle.addTab(self.translations, self.tr("Translations"))
        undo, redo = self.actions_["undo"], self.actions_["redo"]
        self.undo_keys = DocumentUndoKeys(
            [self.node_panels, self.template_panel], [*undo.shortcuts(), *redo.shortcuts()]
        )
        every_tab_in_view(self.middle)
        # Room for the properties panel's narrowest layout, so at 1024 px the fields need no sideways scroll.
        self.middle.setMinimumWidth(350)
        split.addWidget(self.middle)

        self.side = QTabWidget()
        self.side.setObjectName("sideTabs")
        self.preview = PreviewPane()
        self.json_view = JsonView()
        self.problems = QListWidget()
        self.problems.setObjectName("problemsList")
        # Long sentences wrap inside the pane (its words are the point), never run off its right edge.
        fit_wrapped_rows(self.problems)
        self.problems.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.problems.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.problems.setTextElideMode(Qt.TextElideMode.ElideNone)
        self.problems.setSpacing(2)
        self.side.addTab(self.preview, self.tr("Preview"))
        self.side.addTab(self.json_view, self.tr("JSON"))
        self.problems_page = self._problems_page()
        self.side.addTab(self.problems_page, self.tr("Problems"))
        every_tab_in_view(self.side)
        split.addWidget(self.side)
        split.setSizes([300, 420, 380])
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 4)
        split.setStretchFactor(2, 4)
        outer.addWidget(split, 1)

    async def ask_delete_depended_on(self, name: str, dependents: list[str]) -> bool:
        """Whether to delete the step or section `name` that the conditions of `dependents` (labels) name."""
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Delete"),
            self.tr("Delete {0}?").format(quoted(name)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setInformativeText(
            self.tr(
                "%Ln step(s) show only on its answers: {0}. Their conditions would name a step that is gone.",
                "",
                len(dependents),
            ).format(", ".join(quoted(label) for label in dependents))
        )
        delete = box.addButton(self.tr("Delete"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Keep it"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(delete)  # Delete was pressed: Enter goes on with it, Escape keeps it
        await run_dialog(box)
        return box.clickedButton() is delete

    # -- keyboard: Tab through the panes the way they read -------------------------------------------------
    def focusNextPrevChild(self, next: bool) -> bool:
        """Tab from the tree went through the tab bars, then the preview's buttons on the far right, and only then
        to the step's fields in the middle: Qt's chain follows the order widgets were made, and the properties'
        fields are made after the preview. Tab now goes toolbar → tree → properties → preview / JSON / problems,
        each pane in Qt's order, and leaves the editor at either end as before."""
        focus = QApplication.focusWidget()
        # Only a Tab from a widget that takes it: Qt also asks when the focused widget is disabled or hidden
        # (the Save button while saving), and then its own order is the one to keep.
        if focus is None or not self.isAncestorOf(focus) or not _takes_tab(focus):
            return super().focusNextPrevChild(next)
        order = self._tab_order()
        if focus in order:
            reason = Qt.FocusReason.TabFocusReason if next else Qt.FocusReason.BacktabFocusReason
            i = order.index(focus) + (1 if next else -1)
            target = order[i] if 0 <= i < len(order) else self._outside(order, next)
            if target is not None:
                target.setFocus(reason)
                return True
        return super().focusNextPrevChild(next)

    def _tab_order(self) -> list[QWidget]:
        panes = [self.toolbar_bar, self.banner, self.tree, self.middle, self.side]

        def pane(widget: QWidget) -> int:
            return next((k for k, p in enumerate(panes) if p is widget or p.isAncestorOf(widget)), len(panes))

        mine = [w for w in _chain(self, forward=True) if self.isAncestorOf(w) and _takes_tab(w)]
        return sorted(mine, key=pane)  # stable: each pane keeps Qt's order

    def _outside(self, order: list[QWidget], forward: bool) -> QWidget | None:
        """The widget Tab (or Shift+Tab) reaches after the editor's last (before its first) one."""
        start = order[-1] if forward else order[0]
        return next(
            (
                w
                for w in _chain(start, forward)
                if w is not self and not self.isAncestorOf(w) and _takes_tab(w)
            ),
            None,
        )

    def _problems_page(self) -> QWidget:
        """The problem list, and in its place when there are none a note saying so (it was a blank pane)."""
        page = QWidget()
        column = QVBoxLayout(page)
        column.setContentsMargins(0, 0, 0, 0)
        self.problems_empty = QLabel(self.tr("No problems: this template can be saved."))
        self.problems_empty.setObjectName("muted")
        self.problems_empty.setWordWrap(True)
        self.problems_empty.setContentsMargins(14, 12, 14, 12)
        self.problems_empty.setAlignment(Qt.AlignmentFlag.AlignTop)
        column.addWidget(self.problems_empty, 1)
        column.addWidget(self.problems, 1)
        return page

    def _make_actions(self) -> None:
        specs: list[tuple[str, str, str, str | QKeySequence.StandardKey | None]] = [
            ("add_step", self.tr("Add step"), "add", "Ctrl+N"),
            ("add_section", self.tr("Add section"), "add", "Ctrl+Shift+N"),
            ("duplicate", self.tr("Duplicate"), "duplicate", "Ctrl+D"),
            ("copy", self.tr("Copy"), "duplicate", QKeySequence.StandardKey.Copy),
            ("paste", self.tr("Paste"), "inbox", QKeySequence.StandardKey.Paste),
            ("delete", self.tr("Delete"), "delete", "Del"),
            ("move_up", self.tr("Move up"), "up", "Alt+Up"),
            ("move_down", self.tr("Move down"), "down", "Alt+Down"),
            ("undo", self.tr("Undo"), "undo", QKeySequence.StandardKey.Undo),
            ("redo", self.tr("Redo"), "redo", QKeySequence.StandardKey.Redo),
            ("save", self.tr("Save"), "save", QKeySequence.StandardKey.Save),
            ("versions", self.tr("Versions"), "versions", None),
            ("export", self.tr("Export"), "export", None),
            ("export_translations", self.tr("Export translations…"), "export", None),
            ("import_translations", self.tr("Import translations…"), "export", None),
        ]
        for name, text, icon_name, keys in specs:
            action = QAction(icon(icon_name), text, self)
            action.setObjectName(f"action_{name}")
            if isinstance(keys, QKeySequence.StandardKey):
                action.setShortcuts(keys)
            elif keys:
                action.setShortcut(QKeySequence(keys))
            if keys:
                action.setToolTip(
                    f"{text} ({QKeySequence(action.shortcut()).toString(QKeySequence.SequenceFormat.NativeText)})"
                )
            action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            self.actions_[name] = action
            if name not in TREE_ONLY:
                self.addAction(action)
        for name in TREE_ONLY:
            self.actions_[name].setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
        redo = self.actions_["redo"]
        if QKeySequence("Ctrl+Y") not in redo.shortcuts():  # the platform's Redo may not include it
            redo.setShortcuts([*redo.shortcuts(), QKeySequence("Ctrl+Y")])
        self.type_menu = QMenu(self)
        self.type_actions: dict[str, QAction] = {}
        for step_type in STEP_TYPES:
            self.type_actions[step_type] = self.type_menu.addAction(
                type_icon(step_type), type_name(step_type)
            )

    def _button(self, name: str, text_beside: bool = True) -> QToolButton:
        button = QToolButton()
        button.setDefaultAction(self.actions_[name])
        button.setObjectName(f"button_{name}")
        button.setAutoRaise(True)
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        style = (
            Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            if text_beside
            else Qt.ToolButtonStyle.ToolButtonIconOnly
        )
        button.setToolButtonStyle(style)
        return button

    def _toolbar(self) -> QWidget:
        bar = QFrame()
        bar.setObjectName("editorToolbar")
        row = QHBoxLayout(bar)
        row.setContentsMargins(8, 6, 10, 6)
        row.setSpacing(4)
        self.back_button = QToolButton()
        self.back_button.setObjectName("backButton")
        self.back_button.setIcon(icon("back"))
        self.back_button.setText(self.tr("Templates"))
        self.back_button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.back_button.setAutoRaise(True)
        row.addWidget(self.back_button)
        # The title elides (whole name in its tooltip) and its width is capped, so a long name never
        # cuts the save state short nor moves the buttons; the badge and status keep their full words.
        self.title = ElidedLabel()
        self.title.setObjectName("editorTitle")
        self.version = QLabel()
        self.version.setObjectName("versionBadge")
        self.status = QPushButton()
        self.status.setObjectName("validationStatus")
        self.status.setFlat(True)
        self.status.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        for fixed in (self.version, self.status):
            fixed.setSizePolicy(QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Preferred)
            fixed.setProperty("keep_label", True)
        row.addSpacing(6)
        row.addWidget(self.title)
        row.addWidget(self.version)
        row.addWidget(self.status)
        # What happened without the designer's doing (a newer version loaded in place), said once, quietly.
        self.message = QLabel()
        self.message.setObjectName("muted")
        row.addWidget(self.message)
        row.addStretch(1)
        self.add_step_button = self._button("add_step")
        self.add_step_button.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        self.add_step_button.setMenu(self.type_menu)
        for name in ("undo", "redo"):
            row.addWidget(self._button(name, text_beside=False))
        row.addSpacing(8)
        row.addWidget(self.add_step_button)
        row.addWidget(self._button("add_section"))
        for name in ("duplicate", "delete", "move_up", "move_down"):
            row.addWidget(self._button(name, text_beside=False))
        row.addSpacing(8)
        row.addWidget(self._button("versions"))
        export = self._button("export")
        # The template's files: the template itself, and its translations for a translator (SPEC §15).
        self.template_menu = QMenu(self)
        self.template_menu.addAction(self.actions_["export"])
        self.template_menu.addAction(self.actions_["export_translations"])
        self.template_menu.addAction(self.actions_["import_translations"])
        export.setMenu(self.template_menu)
        export.setPopupMode(QToolButton.ToolButtonPopupMode.MenuButtonPopup)
        row.addWidget(export)
        self.save_button = QPushButton(icon("save"), self.tr("Save"))
        self.save_button.setObjectName("saveButton")
        self.save_button.setToolTip(self.tr("Save (Ctrl+S)"))
        self.save_button.setProperty("keep_label", True)  # the one action whose word always shows
        row.addWidget(self.save_button)
        self.toolbar_fit = fold_labels(bar)  # at 1024 px the labels fold to icons (words in tooltips)
        return bar
