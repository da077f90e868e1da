"""Rows that fit their width: toolbars whose buttons fold to icons, and labels that elide.

A row of labelled buttons that is too narrow for its labels lets Qt squeeze them, and the words come
out as "Te…es" or "Sav". `fold_labels(bar)` instead folds every labelled button that has an icon to
its icon alone (the words move to the tooltip) while the full row does not fit, and unfolds them once it
does. Buttons added to the row later are folded with the others.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QFontMetrics, QResizeEvent
from PySide6.QtWidgets import QAbstractButton, QLabel, QPushButton, QSizePolicy, QToolButton, QWidget

_TEXT = "rundun_folded_text"  # a folded push button's words
_TIP = "rundun_own_tooltip"  # whether its tooltip was its own before folding


class LabelFolding(QObject):
    """Folds a bar's labelled buttons to icons while the bar is narrower than the row of full labels.

    With `order` (the buttons, least needed words first) it folds them one at a time, as few as the width
    asks: a wide window keeps the words of the main actions while the others show their icons."""

    def __init__(self, bar: QWidget, order: list[QAbstractButton] | None = None) -> None:
        super().__init__(bar)
        self.bar = bar
        self.order = list(order or [])
        self.level = 0  # how many steps are folded: 0 none; without an order, one step folds them all
        self.needs: dict[int, int] = {}  # the row's width at each level, measured when it was shown so
        bar.installEventFilter(self)
        QTimer.singleShot(0, self, self.fit)  # not after the bar is gone (a page closed at once)

    @property
    def folded(self) -> bool:
        return self.level > 0

    def buttons(self) -> list[QAbstractButton]:
        """The bar's buttons that have an icon and words (tool buttons that already show an icon only
        are left alone)."""
        out: list[QAbstractButton] = []
        for b in self.bar.findChildren(QAbstractButton):
            if b.icon().isNull() or b.property("keep_label") is True:
                continue
            if isinstance(b, QToolButton):
                if self.folded or b.toolButtonStyle() != Qt.ToolButtonStyle.ToolButtonIconOnly:
                    out.append(b)
            elif isinstance(b, QPushButton) and (b.text() or b.property(_TEXT)):
                out.append(b)
        return out

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.bar and event.type() in (QEvent.Type.Resize, QEvent.Type.LayoutRequest):
            self.fit()
        return False

    def need(self) -> int:
        """The row's width with its buttons as they are and each elided label at its fixed `reserve`
        (not its text's width): a title's length never decides whether the buttons fold, so they do not
        move as it grows, and a name that fits in the reserve is never cut to make room for words."""
        layout = self.bar.layout()
        if layout is None:  # a bar without a layout has nothing to fold
            return 0
        text = sum(
            e.sizeHint().width() - e.reserve
            for e in self.bar.findChildren(ElidedLabel)
            if e.isVisibleTo(self.bar)
        )
        return layout.sizeHint().width() - text

    def fit(self) -> None:
        """Fold a step more while the row does not fit; unfold a step when the width holds what that step
        needed when it was last shown (measured again there: labels may have changed meanwhile)."""
        if self.bar.layout() is None or not self.bar.isVisible():
            return
        width, steps = self.bar.width(), len(self.order) or 1
        if self.level:
            self._show(self.level)  # a push button's words set while folded are folded too
        while True:
            self.needs[self.level] = self.need()
            if width < self.needs[self.level] and self.level < steps:
                self._show(self.level + 1)
            elif self.level > 0 and width >= self.needs.get(self.level - 1, 1 << 30):
                self._show(self.level - 1)
                self.needs[self.level] = self.need()
                if width < self.needs[self.level]:
                    self._show(self.level + 1)
                    return
            else:
                return

    def _show(self, level: int) -> None:
        """Fold the first `level` buttons of the order (every button at level 1 without an order)."""
        self.level = level
        if self.order:
            for i, b in enumerate(self.order):
                self._fold(b, i < level)
        else:
            for b in self.buttons():
                self._fold(b, level > 0)

    @staticmethod
    def _fold(b: QAbstractButton, fold: bool) -> None:
        # Never squeezed below their words (or icon): what the row lacks comes out of elided labels.
        policy = b.sizePolicy()
        if policy.horizontalPolicy() != QSizePolicy.Policy.Minimum:
            policy.setHorizontalPolicy(QSizePolicy.Policy.Minimum)
            b.setSizePolicy(policy)
        if isinstance(b, QToolButton):
            style = (
                Qt.ToolButtonStyle.ToolButtonIconOnly if fold else Qt.ToolButtonStyle.ToolButtonTextBesideIcon
            )
            if b.toolButtonStyle() != style:
                b.setToolButtonStyle(style)
            if fold and not b.toolTip():
                b.setToolTip(b.text())
        elif fold and b.text():
            b.setProperty(_TEXT, b.text())
            b.setProperty(_TIP, bool(b.toolTip()))
            if not b.toolTip():
                b.setToolTip(b.text())
            b.setText("")
        elif not fold and b.property(_TEXT):
            b.setText(b.property(_TEXT))
            if not b.property(_TIP):
                b.setToolTip("")
            b.setProperty(_TEXT, "")


def fold_labels(bar: QWidget, order: list[QAbstractButton] | None = None) -> LabelFolding:
    """Make `bar` (a widget with a row layout of buttons) fold its labels to icons when it is too narrow:
    all at once, or with `order` one button at a time, the first listed first."""
    return LabelFolding(bar, order)


def words(button: QAbstractButton) -> str:
    """A button's words, folded or not (for tests and tooltips)."""
    return button.property(_TEXT) or button.text()


class ElidedLabel(QLabel):
    """A one-line label that shows as much of its text as fits, with "…" and the whole in the tooltip.

    Its size hint is its text's width up to `max_hint` pixels, so a long text never pushes the widgets
    after it (a toolbar's buttons stay where they are as a title grows)."""

    def __init__(
        self, text: str = "", max_hint: int = 320, reserve: int = 240, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.full_text = ""
        self.max_hint = max_hint
        self.reserve = reserve  # the width a folding row keeps for it, whatever its text
        self.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Preferred)
        self.setText(text)

    def setText(self, text: str) -> None:
        self.full_text = text
        self._elide()
        self.updateGeometry()

    def text(self) -> str:
        """The whole text (what is shown may be shortened: `shown_text()`)."""
        return self.full_text

    def shown_text(self) -> str:
        return super().text()

    def text_width(self) -> int:
        return QFontMetrics(self.font()).horizontalAdvance(self.full_text) + 4

    def sizeHint(self):
        hint = super().sizeHint()
        hint.setWidth(min(self.text_width(), self.max_hint))
        return hint

    def minimumSizeHint(self):
        hint = super().minimumSizeHint()
        hint.setWidth(min(self.text_width(), 60))
        return hint

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        self._elide()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (QEvent.Type.FontChange, QEvent.Type.StyleChange):
            self._elide()

    def _elide(self) -> None:
        metrics = QFontMetrics(self.font())
        shown = metrics.elidedText(self.full_text, Qt.TextElideMode.ElideRight, max(0, self.width() - 2))
        super().setText(shown)
        self.setToolTip(self.full_text if shown != self.full_text else "")

    def is_elided(self) -> bool:
        return self.shown_text() != self.full_text
