"""The undo stack names an edit by the field as the properties panel labels it, in the app's language
("Change “Hint”", "„Hinweis“ ändern"), never by the TDL's keys ("Change hint", "Change config decimal")."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication, QLineEdit

from rundun_desktop import i18n
from rundun_desktop.editor import TemplatesPage
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, shown_page

ROOT = Path(__file__).resolve().parents[3]


def edit_fields(d: Driver, aloop, client, page) -> list[str]:
    """Edit a few fields through the panel's widgets; the undo text after each."""
    open_saved(aloop, client, page, vehicle_inspection())
    stack, texts = d.ctl.stack, []
    d.select_node(d.ctl.doc.find_step("s-od01").uid)  # a number step
    d.type(d.step_panel.hint_edit, "As shown on the dashboard")
    texts.append(stack.undoText())
    d.click(d.step_panel.required)
    texts.append(stack.undoText())
    d.type(d.step_panel.findChild(QLineEdit, "cfgUnit"), "km")
    texts.append(stack.undoText())
    return texts


def test_undo_names_the_field_as_the_panel_labels_it(drive: Driver, page, client, aloop):
    texts = edit_fields(drive, aloop, client, page)
    assert texts == ["Change “Hint”", "Change “Required”", "Change “Unit”"]
    assert drive.ctl.view.actions_["undo"].toolTip() == "Undo Change “Unit” (Ctrl+Z)"


@pytest.fixture
def german_page(qtbot, aloop, client, compiled_catalogs) -> Iterator[TemplatesPage]:
    translation = i18n.Translation()
    assert translation.install(QApplication.instance(), "de", compiled_catalogs)
    yield shown_page(qtbot, aloop, client)
    translation.remove(QApplication.instance())
    QLocale.setDefault(QLocale.system())


def test_undo_names_the_field_in_german(qtbot, aloop, client, german_page):
    texts = edit_fields(Driver(qtbot, aloop, german_page), aloop, client, german_page)
    assert texts == ["„Hinweis“ ändern", "„Pflichtfeld“ ändern", "„Einheit“ ändern"]
