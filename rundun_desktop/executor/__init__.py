"""The offline executor (placeholder until the executor lands)."""

from __future__ import annotations

from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget


class ExecutorPage(QWidget):
    def __init__(self, api, parent: QWidget | None = None):
        super().__init__(parent)
        self.api = api
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Executor"))
