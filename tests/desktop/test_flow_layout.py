"""FlowLayout (rundun_desktop/widgets/layouts.py): buttons side by side while they fit, the next line where
they do not, never wider than the widest one, and right to left in Arabic as a box layout is."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton, QWidget

from rundun_desktop.widgets.layouts import FlowLayout


def _row(qtbot, direction: Qt.LayoutDirection) -> tuple[QWidget, list[QPushButton]]:
    host = QWidget()
    host.setLayoutDirection(direction)
    qtbot.addWidget(host)
    flow = FlowLayout(host)
    buttons = [QPushButton(text) for text in ("Foto aufnehmen", "Leeren", "Noch eins")]
    for button in buttons:
        flow.addWidget(button)
    host.show()
    return host, buttons


def test_buttons_share_a_line_while_they_fit_and_wrap_when_they_do_not(qtbot):
    host, (first, second, third) = _row(qtbot, Qt.LayoutDirection.LeftToRight)
    flow = host.layout()
    assert flow.minimumSize().width() == max(b.minimumSizeHint().width() for b in (first, second, third))
    host.resize(flow.sizeHint().width() + 10, 200)
    qtbot.waitUntil(lambda: host.width() == flow.sizeHint().width() + 10)
    assert first.y() == second.y() == third.y() and first.x() < second.x() < third.x()
    one_line = flow.heightForWidth(host.width())
    narrow = first.sizeHint().width() + 4  # room for one button a line
    host.resize(narrow, 200)
    qtbot.waitUntil(lambda: host.width() == narrow)
    assert first.x() == second.x() == third.x() and first.y() < second.y() < third.y()
    assert flow.heightForWidth(narrow) > 2 * one_line  # taller as it wraps: its card grows to hold it
    assert all(b.geometry().right() < narrow for b in (first, second, third))  # nothing past the edge


def test_right_to_left_lines_start_at_the_right(qtbot):
    host, (first, second, third) = _row(qtbot, Qt.LayoutDirection.RightToLeft)
    flow = host.layout()
    host.resize(flow.sizeHint().width() + 40, 200)
    qtbot.waitUntil(lambda: host.width() == flow.sizeHint().width() + 40)
    assert first.x() > second.x() > third.x()
    assert first.geometry().right() == host.contentsRect().right()
