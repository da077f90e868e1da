"""A link's lifetime in hours is written as the number it is ("72 hours", not "72.0 hours"), in the app's
language, and typed back as such."""

from __future__ import annotations

from PySide6.QtCore import QLocale, Qt

from rundun_desktop.widgets.common import HoursBox


def test_whole_hours_have_no_decimals_and_fractions_keep_the_languages_separator(qtbot):
    box = HoursBox()
    qtbot.addWidget(box)
    box.setSuffix(" hours")
    box.setValue(72)
    assert box.text() == "72 hours"
    box.setValue(1.5)
    assert box.text() == "1.5 hours"
    box.setLocale(QLocale(QLocale.Language.German, QLocale.Country.Germany))
    box.setValue(0.5)
    assert box.text() == "0,5 hours"
    box.setLocale(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    box.show()
    box.setFocus()
    box.lineEdit().selectAll()
    qtbot.keyClicks(box, "36")
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.value() == 36 and box.text() == "36 hours"
