"""A text field at its length limit says so, and a paste cut to fit says some text was cut (Qt's own limit
cut it silently while the header said "✓ Valid")."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QKeySequence
from PySide6.QtWidgets import QLabel, QLineEdit

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved


def note_of(edit: QLineEdit) -> QLabel:
    note = edit.parentWidget().findChild(QLabel, "lengthNote")
    assert note is not None
    return note


def paste(d: Driver, edit: QLineEdit, text: str) -> None:
    """Select the field's text and paste over it with Ctrl+V, as a designer does."""
    QGuiApplication.clipboard().setText(text)
    d.pump()
    edit.setFocus()
    edit.selectAll()
    d.qtbot.keySequence(edit, QKeySequence.StandardKey.Paste)


def test_a_label_pasted_past_its_limit_is_cut_and_says_so(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    step = d.ctl.doc.find_step("s-od01")
    d.select_node(step.uid)
    label = d.step_panel.label_edit
    note = note_of(label)
    assert not note.isVisible()

    paste(d, label, "x" * 2000)
    assert step.data["label"] == "x" * 500 and label.text() == "x" * 500
    assert note.isVisible() and note.text() == "Some text was cut: 500 characters at most"

    d.qtbot.keyClick(label, "\b")  # Backspace: under the limit, nothing to say
    assert not note.isVisible() and step.data["label"] == "x" * 499
    d.qtbot.keyClicks(label, "yz")  # typing stops at the limit
    assert label.text() == "x" * 499 + "y" and note.text() == "Some text was cut: 500 characters at most"


def test_a_paste_into_the_middle_keeps_the_text_after_it(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    section = d.ctl.doc.sections[0]
    d.select_node(section.uid)
    title = d.ctl.properties.section_panel.title_edit
    d.type(title, "Start " + "-" * 180 + " end")  # 190 characters of the 200 a title holds
    title.setCursorPosition(6)
    QGuiApplication.clipboard().setText("pasted words ")
    d.qtbot.keySequence(title, QKeySequence.StandardKey.Paste)
    assert section.data["title"] == "Start pasted wor" + "-" * 180 + " end"
    assert note_of(title).isVisible()


def test_a_text_at_its_limit_says_it_holds_no_more(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.select_node(d.ctl.doc.find_step("s-dm01").uid)  # a yes/no step: its answers' labels hold 100
    yes = d.step_panel.config_pages["boolean"][0].findChild(QLineEdit, "cfgTrueLabel")
    d.type(yes, "y" * 100)
    assert note_of(yes).isVisible() and note_of(yes).text() == "100 characters at most"
