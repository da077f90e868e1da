"""Lists typed in Arabic: its own comma "،" separates, as its placeholders write lists. Typed as an Arabic
keyboard's input method commits text (QTest types Latin-1 only)."""

from __future__ import annotations

from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QWidget

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved


def commit_text(widget: QWidget, text: str) -> None:
    widget.setFocus()
    typed = QInputMethodEvent()
    typed.setCommitString(text)
    QApplication.sendEvent(widget, typed)


def test_tags_typed_with_the_arabic_comma_are_several(drive: Driver, page, client, aloop):
    """ "فحص، سيارة" was one tag."""
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.click(d.view.middle.tabBar(), d.view.middle.tabBar().tabRect(1).center())
    tags = d.view.template_panel.tags_edit
    d.type(tags, "")
    commit_text(tags, "فحص، سيارة, rental")
    d.flush()
    assert d.ctl.doc.to_tdl()["tags"] == ["فحص", "سيارة", "rental"]
