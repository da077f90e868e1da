"""Word-wrapped list rows as tall as their text: the editor's Problems pane cut a long sentence's last line
("…may only refer to a step that comes" without "before it.") at some widths: Qt sized each row for its text
wrapped in the view's width, then drew the row only as wide as its widest line and wrapped the text again."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QListWidget, QStyle, QStyleOptionViewItem

from rundun_desktop.editor.editor_view import EditorView
from rundun_desktop.editor.json_view import JsonView
from rundun_desktop.editor.library_dialog import LibraryDialog
from rundun_desktop.widgets.wrapped_rows import WrappedRows, fit_wrapped_rows, text_height

PROBLEM = (
    "Section 1, step 5 (“Describe the problem”): the condition refers to 's-glass-clean-inside-and-out', "
    "which comes later (at sections[1].steps[1]); a condition may only refer to a step that comes before it."
)


def watch_painting(view: QListWidget) -> dict:
    """The view's delegate, as it is, made to note the row it last painted: its height and the width of the
    rectangle Qt's style draws the row's text in."""
    painted: dict = {}
    delegate = view.itemDelegate()

    class Watched(type(delegate)):  # type: ignore[misc]
        def paint(self, painter, option, index) -> None:
            styled = QStyleOptionViewItem(option)
            self.initStyleOption(styled, index)
            text = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, styled, view)
            painted.update(height=option.rect.height(), text_width=text.width())
            super().paint(painter, option, index)

    view.setItemDelegate(Watched(view) if isinstance(delegate, WrappedRows) else Watched())
    return painted


def cut_widths(qtbot, configure) -> list[int]:
    """The widths (200 … 400 px) at which a list configured by `configure` paints the long problem in a row
    shorter than its text wrapped where the style draws it (inside a margin on each side)."""
    cut = []
    for width in range(200, 401, 5):
        view = QListWidget()
        qtbot.addWidget(view)
        view.setSpacing(2)
        view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        configure(view)
        painted = watch_painting(view)
        view.resize(width, 400)
        view.addItem(PROBLEM)
        view.show()
        view.grab()
        margin = view.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, view) + 1
        if text_height(PROBLEM, view.font(), painted["text_width"] - 2 * margin) > painted["height"]:
            cut.append(width)
    return cut


def test_a_long_problem_keeps_its_last_line_at_every_width(qtbot) -> None:
    assert cut_widths(qtbot, lambda view: view.setWordWrap(True)), "the measure sees Qt's own rows cut"
    assert cut_widths(qtbot, fit_wrapped_rows) == []


def test_the_editors_lists_of_sentences_fit_their_rows(qtbot) -> None:
    editor, json_view, library = EditorView(), JsonView(), LibraryDialog()
    for widget in (editor, json_view, library):
        qtbot.addWidget(widget)
    for view in (editor.problems, json_view.problems, library.list):
        assert isinstance(view.itemDelegate(), WrappedRows) and view.wordWrap()
