"""The location of an answer (`geo: true` steps): from Qt Positioning where it is installed and has a
source, else typed by hand (latitude, longitude, optional accuracy). Reports `changed({lat, lng,
accuracy_m})` or `changed(None)` when cleared; the controller checks it with `server.tdl.geo_problems`."""

from __future__ import annotations

import math
from typing import Any

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from rundun_desktop import number_entry

try:  # PySide6-Addons
    from PySide6.QtPositioning import QGeoPositionInfoSource
except ImportError:  # pragma: no cover - depends on the installation
    QGeoPositionInfoSource = None  # type: ignore[assignment,misc]


def position_source(parent: QWidget) -> Any | None:
    """A Qt Positioning source, or None where Qt Positioning is missing or finds no backend."""
    if QGeoPositionInfoSource is None:
        return None
    try:  # pragma: no cover - needs PySide6-Addons and a positioning backend
        return QGeoPositionInfoSource.createDefaultSource(parent)
    except Exception:  # noqa: BLE001
        return None


LOCATE_TIMEOUT_MS = 15_000  # how long "Use my position" waits for a fix


class GeoInput(QWidget):
    changed = Signal(object)

    def __init__(self, parent: QWidget | None = None):
        super().__init__(parent)
        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        row = QHBoxLayout()
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(6)
        column.addLayout(row)
        title = QLabel(self.tr("Location"))
        title.setObjectName("stepNote")
        row.addWidget(title)
        self.lat = QLineEdit()
        self.lat.setPlaceholderText(self.tr("Latitude"))
        self.lng = QLineEdit()
        self.lng.setPlaceholderText(self.tr("Longitude"))
        self.accuracy = QLineEdit()
        self.accuracy.setPlaceholderText(self.tr("± metres"))
        for edit, width in ((self.lat, 120), (self.lng, 120), (self.accuracy, 90)):
            edit.setMaximumWidth(width)
            edit.editingFinished.connect(self._finished)
            edit.returnPressed.connect(lambda: self._finished(force=True))
            edit.textEdited.connect(self._typed)
            # Focus leaving the three fields commits: a field's editingFinished fires only if its own text
            # changed, so a latitude corrected, then Tab past an unchanged longitude and accuracy, was never
            # saved (its editingFinished came while the longitude had the focus).
            edit.installEventFilter(self)
            row.addWidget(edit)
        self.source = position_source(self)
        self.locate = QPushButton(self.tr("Use my position"))
        self.locate.setVisible(self.source is not None)
        self.locate.clicked.connect(self._locate)
        row.addWidget(self.locate)
        row.addStretch(1)
        # Why no position came (a timeout, no permission): the button said "Locating…" for ever.
        self.note = QLabel()
        self.note.setObjectName("stepNote")
        self.note.setWordWrap(True)
        self.note.hide()
        column.addWidget(self.note)
        self.locate_timeout_ms = LOCATE_TIMEOUT_MS
        # Our own guard besides the source's: a backend that never answers a request (no errorOccurred).
        self.locating = False
        self._give_up = QTimer(self, singleShot=True)
        self._give_up.timeout.connect(lambda: self._no_position(None))
        self._shown: Any = None
        if self.source is not None:
            self.source.positionUpdated.connect(self._position)
            self.source.errorOccurred.connect(self._no_position)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.FocusOut:
            QTimer.singleShot(
                0, self, self._finished
            )  # once the focus has landed: on another of the three, nothing
        return False

    def value(self) -> Any:
        lat, lng, acc = (e.text().strip().replace(",", ".") for e in (self.lat, self.lng, self.accuracy))
        if not lat and not lng:
            return None
        out: dict[str, Any] = {"lat": _number(lat), "lng": _number(lng)}
        if acc:
            out["accuracy_m"] = _number(acc)
        return out

    def set_value(self, geo: Any) -> None:
        self._shown = geo
        geo = geo if isinstance(geo, dict) else {}
        for edit, key in ((self.lat, "lat"), (self.lng, "lng"), (self.accuracy, "accuracy_m")):
            value = geo.get(key)
            edit.setText(_shown(value))

    def enter(self, lat: str, lng: str, accuracy: str = "") -> None:
        """Type a position and commit it, as a person would."""
        self.lat.setText(lat)
        self.lng.setText(lng)
        self.accuracy.setText(accuracy)
        self._finished()

    def _finished(self, force: bool = False) -> None:
        if not force and (self.lat.hasFocus() or self.lng.hasFocus() or self.accuracy.hasFocus()):
            return  # still typing the position: commit once focus leaves all three
        value = self.value()
        if value != self._shown:
            self._shown = value
            self.changed.emit(value)

    def _locate(self) -> None:
        if self.source is None:  # no Qt Positioning here: the button is hidden
            return
        self.note.hide()
        self.locate.setText(self.tr("Locating…"))
        self.locating = True
        self._give_up.start(self.locate_timeout_ms + 1_000)  # the source's own timeout says why, first
        self.source.requestUpdate(self.locate_timeout_ms)

    def _stop_locating(self) -> None:
        self.locating = False
        self._give_up.stop()
        self.locate.setText(self.tr("Use my position"))

    def _typed(self) -> None:
        """Coordinates typed by hand: they are the answer, whatever the position source says later."""
        if self.locating:
            self._stop_locating()
            self.note.hide()

    def _no_position(self, error: Any) -> None:
        if not self.locating:
            return
        self._stop_locating()
        self.note.setText(no_position_words(error))
        self.note.show()

    def _position(self, info) -> None:  # pragma: no cover - needs Qt Positioning
        from PySide6.QtPositioning import QGeoPositionInfo

        if not self.locating:  # given up on, or typed by hand meanwhile
            return
        self._stop_locating()
        self.note.hide()
        coordinate = info.coordinate()
        accuracy = info.attribute(QGeoPositionInfo.Attribute.HorizontalAccuracy)
        self.set_value(
            {
                "lat": round(coordinate.latitude(), 6),
                "lng": round(coordinate.longitude(), 6),
                "accuracy_m": None if math.isnan(accuracy) else round(accuracy, 1),
            }
        )
        self._shown = None
        self._finished()


def no_position_words(error: Any) -> str:
    """Why "Use my position" found none, and what to do instead."""
    errors = QGeoPositionInfoSource.Error if QGeoPositionInfoSource is not None else None
    if errors is not None and error == errors.AccessError:
        return QCoreApplication.translate(
            "GeoInput",
            "This computer does not let the app read its position (check its location settings); type it in.",
        )
    if errors is not None and error == errors.ClosedError:
        return QCoreApplication.translate("GeoInput", "The position service stopped; type the position in.")
    return QCoreApplication.translate("GeoInput", "No position came from this computer in time; type it in.")


def _shown(value: Any) -> str:
    """A stored coordinate with every digit it has: "{:g}" kept six, so 52.520008 showed as 52.52, and a
    position committed again from its fields (its accuracy edited) moved by some 100 m."""
    if isinstance(value, int | float) and not isinstance(value, bool):
        return number_entry.editable(value, comma_is_decimal=False)
    return "" if value is None else str(value)


def _number(text: str) -> Any:
    try:
        return float(text)
    except ValueError:
        return text  # reported by geo_problems in words
