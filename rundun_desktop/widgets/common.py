"""Building blocks shared by the views: titles, cards, error lines, copy fields, shown-once secrets."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
from PySide6.QtGui import QFocusEvent, QGuiApplication, QKeyEvent, QValidator
from PySide6.QtWidgets import (
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSizePolicy,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from rundun_desktop import formatting as fmt
from rundun_desktop import last_folders
from rundun_desktop.api_client import ApiError
from rundun_desktop.style import icon, set_role

SPACING = 12
MARGIN = 24


def ask_save_path(parent: QWidget | None, title: str, suggested: str, file_filter: str, kind: str) -> str:
    """Where to save the file `suggested` (a name), asked with the platform's dialog in the folder last used for
    this `kind` of file; a name typed without a suffix takes the suggested name's (a file saved as "runs" was no
    CSV to open, and a backup saved as "friday" was not among the backups that Restore lists)."""
    path, _ = QFileDialog.getSaveFileName(parent, title, last_folders.start_in(kind, suggested), file_filter)
    suffix = Path(suggested).suffix
    if path and suffix and not Path(path).suffix:
        path += suffix
    last_folders.remember(kind, path)
    return path


def label(text: str = "", role: str | None = None, *, wrap: bool = False, selectable: bool = False) -> QLabel:
    widget = QLabel(text)
    if role:
        set_role(widget, role=role)
    widget.setWordWrap(wrap)
    if selectable:
        widget.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return widget


def button(
    text: str,
    icon_name: str | None = None,
    *,
    primary: bool = False,
    danger: bool = False,
    flat: bool = False,
    icon_colour: str | None = None,
) -> QPushButton:
    widget = QPushButton(text)
    if icon_name:
        tint = icon_colour or (
            "#ffffff" if primary else "#b4232a" if danger else "#3b5bdb" if flat else "#5b6478"
        )
        widget.setIcon(icon(icon_name, tint))
    if primary or danger or flat:
        set_role(widget, primary=primary, danger=danger, flat=flat)
    widget.setCursor(Qt.CursorShape.PointingHandCursor)
    return widget


def card(layout_cls=QVBoxLayout, margins: int = 16, spacing: int = 10) -> tuple[QFrame, QVBoxLayout]:
    frame = QFrame()
    set_role(frame, card=True)
    layout = layout_cls(frame)
    layout.setContentsMargins(margins, margins, margins, margins)
    layout.setSpacing(spacing)
    return frame, layout


def page_header(title: str, subtitle: str = "") -> tuple[QWidget, QHBoxLayout]:
    """A page's title row; the returned layout takes the page's action buttons on the right. The subtitle goes
    under that row, across the page's whole width: beside the title, the buttons squeezed it into a column that
    wrapped Spanish's onto four lines at 1024 px."""
    header = QWidget()
    column = QVBoxLayout(header)
    column.setContentsMargins(0, 0, 0, 0)
    column.setSpacing(2)
    row = QHBoxLayout()
    row.setSpacing(SPACING)
    row.addWidget(label(title, "title"), 1)
    column.addLayout(row)
    if subtitle:
        # Wrapped, not one long line: at 1024 px a subtitle must neither be cut off nor widen the page.
        column.addWidget(label(subtitle, "subtitle", wrap=True))
    return header, row


def every_tab_in_view(tabs: QTabWidget) -> None:
    """Keep every tab of `tabs` on show however narrow its pane: names shortened with "…" (each whole in its
    tooltip) where scroll arrows would hide the last tabs (Spanish "Vista previa · JSON · Problemas" in the
    editor's side pane at 1024 px hid "Problemas" behind them). Call it once its tabs are added."""
    bar = tabs.tabBar()
    bar.setUsesScrollButtons(False)
    bar.setElideMode(Qt.TextElideMode.ElideRight)
    for index in range(tabs.count()):
        tabs.setTabToolTip(index, tabs.tabText(index))


def template_names(templates: list[dict]) -> list[str]:
    """Each template's name as a list of them shows it: a name several templates share says which one it is
    ("Car valet check (version 2, changed 5 Dec 2026, 12:12)"), and the template's id where even that is the
    same. Three templates imported under one name read alike in the dispatch dialog and the filters, and the
    wrong one could be dispatched."""
    shared = Counter(t["name"] for t in templates)
    names = [
        QCoreApplication.translate("common", "{0} (version {1}, changed {2})").format(
            t["name"], fmt.number(t.get("v", 1)), fmt.local_time(t.get("updated_at"))
        )
        if shared[t["name"]] > 1
        else t["name"]
        for t in templates
    ]
    alike = Counter(names)
    return [
        f"{name} · {t['id']}" if alike[name] > 1 else name for name, t in zip(names, templates, strict=True)
    ]


def fill_template_combo(combo: QComboBox, templates: list[dict]) -> None:
    """ "All templates" and each template by name (its id as the item's data), keeping the one chosen if it
    is still there; silently, so a reloaded list is no change of filter."""
    current = combo.currentData()
    combo.blockSignals(True)
    combo.clear()
    combo.addItem(QCoreApplication.translate("common", "All templates"), None)
    for t, name in zip(templates, template_names(templates), strict=True):
        combo.addItem(name, t["id"])
    combo.setCurrentIndex(max(0, combo.findData(current)) if current else 0)
    combo.blockSignals(False)


def error_text(exc: BaseException) -> str:
    """An error in words: a server's refusal with its details (`ApiError.words`), anything else as it says."""
    if isinstance(exc, ApiError):
        return exc.words()
    return str(exc) or type(exc).__name__


class MessageLine(QLabel):
    """A line for errors (or notices) shown where they happen; hidden while empty."""

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.hide()

    def show_error(self, exc_or_text: BaseException | str) -> None:
        text = exc_or_text if isinstance(exc_or_text, str) else error_text(exc_or_text)
        self._show(text, "error")

    def show_notice(self, text: str) -> None:
        self._show(text, "notice")

    def _show(self, text: str, role: str) -> None:
        set_role(self, role=role)
        self.setText(text)
        self.setVisible(bool(text))

    def clear_message(self) -> None:
        self.setText("")
        self.hide()


def copy_to_clipboard(text: str) -> None:
    QGuiApplication.clipboard().setText(text)


class CopyField(QWidget):
    """A read-only value with a Copy button ("Copied" for a moment after a click)."""

    copied = Signal(str)

    def __init__(self, text: str = "", parent: QWidget | None = None, *, monospace: bool = False):
        super().__init__(parent)
        row = QHBoxLayout(self)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(8)
        self.field = QLineEdit(text)
        self.field.setReadOnly(True)
        if monospace:
            font = self.field.font()
            font.setFamily("DejaVu Sans Mono")
            self.field.setFont(font)
        self.copy_button = button(self.tr("Copy"), "copy")
        self.copy_button.clicked.connect(self._copy)
        row.addWidget(self.field, 1)
        row.addWidget(self.copy_button)

    def text(self) -> str:
        return self.field.text()

    def set_text(self, text: str) -> None:
        self.field.setText(text)
        self.field.setCursorPosition(0)

    def _copy(self) -> None:
        copy_to_clipboard(self.field.text())
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(1500, self.copy_button, lambda: self.copy_button.setText(self.tr("Copy")))
        self.copied.emit(self.field.text())


class SecretReveal(QFrame):
    """A secret shown once (a new API key, a member's sign-in token), with Copy and `note`, the warning in a
    whole sentence of the caller's: a secret's name put into one ("Copy the {0} now") left "sign-in token" in
    English in German and Spanish, and Spanish wrote "la Clave de API" with a capital mid-sentence."""

    def __init__(self, note: str, parent: QWidget | None = None):
        super().__init__(parent)
        set_role(self, card=True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        self.title = label("", "section")
        self.note = label(note, "muted", wrap=True)
        self.value = CopyField(monospace=True)
        self.dismiss = button(self.tr("Done"), flat=True)
        self.dismiss.clicked.connect(self.clear)
        layout.addWidget(self.title)
        layout.addWidget(self.value)
        foot = QHBoxLayout()
        foot.addWidget(self.note, 1)
        foot.addWidget(self.dismiss)
        layout.addLayout(foot)
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Maximum)
        self.hide()

    def reveal(self, title: str, secret: str) -> None:
        self.title.setText(title)
        self.value.set_text(secret)
        self.show()

    def clear(self) -> None:
        self.value.set_text("")
        self.hide()


class HoursBox(QDoubleSpinBox):
    """A link's lifetime in hours, to a hundredth of an hour (0.01, 36 seconds, to a year): written as the number
    it is, "72" and "1.5" in the app's language, where a plain spin box wrote "72.0 hours". SPEC §4 takes any
    number of hours above 0; a hundredth is the least the box holds, and what it shows is what is sent.

    `outside(True)` while what is typed is no such lifetime: "0" left the box at its old value without a word,
    so Save stayed greyed and a dispatch went out with the old lifetime; a fifth digit was refused unseen.
    What is refused stays in the box, and `refused` stays true, when the box is left or Enter is pressed in
    it: a plain spin box put its old value back without a word ("0.00" became 72 hours, the warning gone)."""

    outside = Signal(bool)

    def __init__(self, parent: QWidget | None = None):
        self._outside = False  # before the base class, which validates as it is set up
        super().__init__(parent)
        self.setRange(0.01, 8760)
        self.setDecimals(2)
        self.editingFinished.connect(lambda: self._say(False))  # the box shows a lifetime again

    @property
    def refused(self) -> bool:
        """What the box shows is no lifetime (below the least, empty): its `value()` is not what it shows."""
        return self._outside

    def focusOutEvent(self, event: QFocusEvent) -> None:
        self._keeping_refused(lambda: super(HoursBox, self).focusOutEvent(event))

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
            self._keeping_refused(lambda: super(HoursBox, self).keyPressEvent(event))
        else:
            super().keyPressEvent(event)

    def _keeping_refused(self, handle: Callable[[], None]) -> None:
        """`handle` (the base class putting back the old value for a refused text), then the refused text back."""
        text, refused = self.lineEdit().text(), self._outside
        handle()
        if refused:
            self.lineEdit().setText(text)
            self._say(True)

    def range_words(self) -> str:
        return self.in_range(
            QCoreApplication.translate("HoursBox", "A link lasts from {0} hours up to a year ({1} hours).")
        )

    def in_range(self, words: str) -> str:
        """`words` with the least and most hours in the box's own digits (٠٫١ and ٨٬٧٦٠ in Arabic)."""
        locale = self.locale()
        return words.format(locale.toString(self.minimum(), "g", 6), locale.toString(self.maximum(), "f", 0))

    def tells(self, line: MessageLine, words: str | None = None) -> None:
        """Say `words` (the range, by default) on `line` while what is typed is outside it; take them back after."""
        said = self.in_range(words) if words else self.range_words()

        def show(outside: bool) -> None:
            if outside:
                line.show_error(said)
            elif line.text() == said:
                line.clear_message()

        self.outside.connect(show)

    def validate(self, text: str, pos: int) -> tuple[QValidator.State, str, int]:
        result = super().validate(text, pos)
        self._say(result[0] != QValidator.State.Acceptable)
        return result

    def _say(self, outside: bool) -> None:
        if outside != self._outside:
            self._outside = outside
            self.outside.emit(outside)

    def textFromValue(self, value: float) -> str:
        return self.locale().toString(round(value, self.decimals()), "g", 6)
