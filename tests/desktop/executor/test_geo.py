"""'Use my position' with a position source that fails or never answers (a fake QGeoPositionInfoSource): the
button said "Locating…" for ever, even after the position was typed by hand."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtPositioning import QGeoPositionInfoSource
from PySide6.QtWidgets import QApplication, QLineEdit, QVBoxLayout, QWidget

from rundun_desktop.executor.widgets import geo


class FakeSource(QObject):
    positionUpdated = Signal(object)
    errorOccurred = Signal(object)

    def __init__(self, parent=None):
        super().__init__(parent)
        self.requests: list[int] = []

    def requestUpdate(self, timeout: int) -> None:
        self.requests.append(timeout)


@pytest.fixture
def located(qtbot, monkeypatch) -> geo.GeoInput:
    monkeypatch.setattr(geo, "position_source", lambda parent: FakeSource(parent))
    widget = geo.GeoInput()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.locate, Qt.MouseButton.LeftButton)
    assert widget.locate.text() == "Locating…" and len(widget.source.requests) == 1
    return widget


def test_a_source_that_times_out_says_so_and_asks_for_the_position_typed(located, qtbot):
    located.source.errorOccurred.emit(QGeoPositionInfoSource.Error.UpdateTimeoutError)
    qtbot.waitUntil(lambda: located.locate.text() == "Use my position", timeout=5000)
    assert located.note.isVisible()
    assert located.note.text() == "No position came from this computer in time; type it in."


def test_a_source_without_permission_says_so(located, qtbot):
    located.source.errorOccurred.emit(QGeoPositionInfoSource.Error.AccessError)
    qtbot.waitUntil(lambda: located.note.isVisible(), timeout=5000)
    assert "location settings" in located.note.text() and located.locate.text() == "Use my position"


def test_a_source_that_never_answers_is_given_up_on(qtbot, monkeypatch):
    monkeypatch.setattr(geo, "position_source", lambda parent: FakeSource(parent))
    widget = geo.GeoInput()
    qtbot.addWidget(widget)
    widget.show()
    widget.locate_timeout_ms = 0  # the guard's wait is not what is tested: that it ends, and says why
    qtbot.mouseClick(widget.locate, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: widget.locate.text() == "Use my position", timeout=10000)
    assert widget.note.text() == "No position came from this computer in time; type it in."


def test_typing_the_position_by_hand_ends_locating(located, qtbot):
    located.lat.setFocus()
    qtbot.keyClicks(located.lat, "52.5")
    assert located.locate.text() == "Use my position" and not located.locating
    located.source.errorOccurred.emit(
        QGeoPositionInfoSource.Error.UpdateTimeoutError
    )  # too late: nothing said
    assert not located.note.isVisible() and located.lat.text() == "52.5"


def test_why_no_position_came_is_said_in_the_apps_language(qtbot, monkeypatch, speak):
    speak("de")
    monkeypatch.setattr(geo, "position_source", lambda parent: FakeSource(parent))
    widget = geo.GeoInput()
    qtbot.addWidget(widget)
    widget.show()
    qtbot.mouseClick(widget.locate, Qt.MouseButton.LeftButton)
    widget.source.errorOccurred.emit(QGeoPositionInfoSource.Error.UpdateTimeoutError)
    qtbot.waitUntil(lambda: widget.note.isVisible(), timeout=5000)
    assert widget.note.text().startswith("Dieser Computer hat nicht rechtzeitig einen Standort geliefert")


def test_a_latitude_corrected_then_tabbed_past_the_other_fields_is_committed(qtbot):
    """Latitude 95 corrected to 52.52, then Tab through an unchanged longitude and accuracy: nothing was
    committed (a field's editingFinished fires only when its own text changed, and the latitude's came while
    the longitude had the focus), so the answer stayed held with its stale error."""
    window = QWidget()
    qtbot.addWidget(window)
    column = QVBoxLayout(window)
    widget, outside = geo.GeoInput(), QLineEdit()
    column.addWidget(widget)
    column.addWidget(outside)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=5000)
    widget.set_value({"lat": 95, "lng": 13.4})
    committed: list = []
    widget.changed.connect(committed.append)
    # The fields were gone through before (the 95 typed and committed): each has said editingFinished since
    # its text last changed, so an unchanged one says nothing more when it is left.
    for field in (widget.lat, widget.lng, widget.accuracy, outside):
        field.setFocus()
        qtbot.waitUntil(field.hasFocus, timeout=5000)
    widget.lat.setFocus()
    qtbot.waitUntil(widget.lat.hasFocus, timeout=5000)
    widget.lat.selectAll()
    qtbot.keyClicks(widget.lat, "52.52")
    for field in (widget.lng, widget.accuracy):
        qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)  # as a person moves on
        qtbot.waitUntil(field.hasFocus, timeout=5000)
    assert committed == []  # still within the position: nothing yet
    qtbot.keyClick(widget.accuracy, Qt.Key.Key_Tab)
    qtbot.waitUntil(lambda: not widget.accuracy.hasFocus(), timeout=5000)
    qtbot.waitUntil(lambda: committed != [], timeout=5000)
    assert committed == [{"lat": 52.52, "lng": 13.4}]
