"""Layout helpers."""

from __future__ import annotations

from PySide6.QtWidgets import QLayout


def clear_layout(layout: QLayout) -> None:
    """Remove and delete every item (widgets and nested layouts) of `layout`."""
    while layout.count():
        item = layout.takeAt(0)
        if item is None:  # count() said there was one: never, but takeAt's type allows it
            break
        widget, nested = item.widget(), item.layout()
        if widget is not None:
            widget.hide()
            widget.deleteLater()
        elif nested is not None:
            clear_layout(nested)
