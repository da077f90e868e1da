"""A page built the first time it is shown, so its modules stay off the start-up path."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QVBoxLayout, QWidget


class LazyPage(QWidget):
    def __init__(self, build: Callable[[QWidget], QWidget], parent: QWidget | None = None):
        super().__init__(parent)
        self._build = build
        self.page: QWidget | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def ensure(self) -> QWidget:
        if self.page is None:
            self.page = self._build(self)
            self._layout.addWidget(self.page)
        return self.page

    def showEvent(self, event) -> None:
        self.ensure()
        super().showEvent(event)
