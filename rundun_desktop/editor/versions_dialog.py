"""The versions dialog: every saved version, a readable diff between any two, and restoring one
into the editor (as an undoable edit; saving it makes a new version)."""

from __future__ import annotations

import re
from typing import Any

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
)

from rundun_desktop import formatting as fmt
from rundun_desktop.widgets.wrapped_rows import fit_wrapped_rows

from .icons import icon

QUOTED_LONG = re.compile(r"“([^”]{80})[^”]+”")  # a quoted text longer than 80 characters


def shortened(line: str) -> str:
    """A change line with each quoted text over 80 characters cut to them and "…": a 500-character label came
    twice a line, a screenful each (the whole line is the item's tooltip)."""
    return QUOTED_LONG.sub(lambda m: f"“{m.group(1)}…”", line)


class VersionsDialog(QDialog):
    compare_requested = Signal(int, int)
    restore_requested = Signal(int)

    def __init__(self, versions: list[dict[str, Any]], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Versions"))
        self.setObjectName("versionsDialog")
        self.resize(720, 460)
        self.versions = sorted((v for v in versions if isinstance(v.get("v"), int)), key=lambda v: -v["v"])
        layout = QVBoxLayout(self)
        body = QHBoxLayout()
        layout.addLayout(body, 1)

        left = QVBoxLayout()
        left.addWidget(QLabel(self.tr("Saved versions")))
        self.list = QListWidget()
        self.list.setObjectName("versionList")
        for v in self.versions:
            # In local time, as the template list says it ("2026-12-06 17:20 UTC" stood beside "6 Dec 5:27 PM").
            item = QListWidgetItem(
                self.tr("v{0}  ·  {1}").format(
                    fmt.version_number(v["v"]), fmt.local_time(v.get("created_at"))
                )
            )
            item.setData(Qt.ItemDataRole.UserRole, v["v"])
            self.list.addItem(item)
        self.list.setCurrentRow(0)
        left.addWidget(self.list, 1)
        self.restore_button = QPushButton(icon("reset"), self.tr("Restore into the editor"))
        self.restore_button.setObjectName("restoreVersion")
        self.restore_button.clicked.connect(self._restore)
        left.addWidget(self.restore_button)
        body.addLayout(left, 3)

        right = QVBoxLayout()
        pick = QHBoxLayout()
        self.old_combo, self.new_combo = QComboBox(), QComboBox()
        self.old_combo.setObjectName("diffFrom")
        self.new_combo.setObjectName("diffTo")
        for combo in (self.old_combo, self.new_combo):
            for v in self.versions:
                combo.addItem(fmt.version_tag(v["v"]), v["v"])
        self.old_combo.setCurrentIndex(min(1, len(self.versions) - 1))
        self.new_combo.setCurrentIndex(0)
        compare = QPushButton(self.tr("Compare"))
        compare.setObjectName("compareVersions")
        compare.clicked.connect(self._compare)
        for w in (
            QLabel(self.tr("Changes from")),
            self.old_combo,
            QLabel(self.tr("to")),
            self.new_combo,
            compare,
        ):
            pick.addWidget(w)
        pick.addStretch(1)
        right.addLayout(pick)
        self.diff = QListWidget()
        self.diff.setObjectName("versionDiff")
        fit_wrapped_rows(self.diff)
        right.addWidget(self.diff, 1)
        body.addLayout(right, 5)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def request_default(self) -> None:
        if len(self.versions) > 1:
            self._compare()
        else:
            self.diff.addItem(self.tr("This is the only version so far."))

    def show_diff(self, old: int, new: int, lines: list[str]) -> None:
        self.diff.clear()
        self.diff.addItem(
            self.tr("From version {0} to version {1}:").format(
                fmt.version_number(old), fmt.version_number(new)
            )
        )
        for line in lines or [self.tr("No differences.")]:
            item = QListWidgetItem(f"  • {shortened(line)}")
            if shortened(line) != line:
                item.setToolTip(line)
            self.diff.addItem(item)

    def show_error(self, text: str) -> None:
        self.diff.clear()
        self.diff.addItem(f"⚠ {text}")

    def _compare(self) -> None:
        self.compare_requested.emit(self.old_combo.currentData(), self.new_combo.currentData())

    def _restore(self) -> None:
        item = self.list.currentItem()
        if item is not None:
            self.restore_requested.emit(item.data(Qt.ItemDataRole.UserRole))
