"""A field that cannot be changed now looks it: the step's photo counts, disabled until "Ask for photos" is
ticked, are drawn greyed like a disabled button, not in an editable field's white with dark words."""

from __future__ import annotations

from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QWidget

from rundun_desktop.editor.fields import PhotoField
from rundun_desktop.style import apply_style


def _background(widget: QWidget) -> QColor:
    """The colour inside the field's frame, left of its words."""
    image = widget.grab().toImage()
    return image.pixelColor(4, image.height() // 2)


def test_the_photo_counts_look_disabled_until_photos_are_asked_for(qtbot):
    qapp = QApplication.instance()
    if not qapp.styleSheet():
        apply_style(qapp)
    field = PhotoField()
    qtbot.addWidget(field)
    field.show()
    field.set_value(False)
    assert not field.min.isEnabled()
    off = _background(field.min)
    field.set_value({"min": 1, "max": 2})
    assert field.min.isEnabled()
    on = _background(field.min)
    assert off != on, f"a disabled count looks editable: {off.name()} == {on.name()}"
