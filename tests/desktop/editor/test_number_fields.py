"""The editor's number fields (a number step's minimum and maximum, a condition's number) read a number as
the app's language writes it, as the runner does (`rundun_desktop.number_entry`): a German designer's "0,5"
was refused as no number, an English one's "1,000" too. A condition's list of numbers keeps "." for its
decimals, since its commas separate the numbers."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved
from .test_arabic_typing import commit_text
from .test_conditions import condition_on_notes


def number_field(d: Driver, name: str) -> QWidget:
    return d.step_panel.config_pages["number"][0].findChild(QWidget, name)


def odometer_config(d: Driver) -> dict:
    return d.ctl.doc.find_step("s-od01").data["config"]


def test_a_german_designers_limits_take_the_decimal_comma_and_show_in_it(
    drive: Driver, page, client, aloop, speak
):
    speak("de")
    d = drive
    body = vehicle_inspection()
    body["sections"][0]["steps"][0]["config"] = {"min": 0.5, "max": 1500000.25, "unit": "km"}
    open_saved(aloop, client, page, body)
    d.select_node(d.ctl.doc.find_step("s-od01").uid)  # a number step: its limits as German writes them
    assert number_field(d, "cfgMin").text() == "0,5"
    assert number_field(d, "cfgMax").text() == "1500000,25"
    d.type(number_field(d, "cfgMin"), "1,25", commit=True)
    d.type(number_field(d, "cfgMax"), "1.500.000", commit=True)
    d.flush()
    assert (odometer_config(d)["min"], odometer_config(d)["max"]) == (1.25, 1500000)
    assert d.ctl.details == []  # no problem said of either


def test_an_english_designers_thousands_comma_is_a_number(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(number_field(d, "cfgMax"), "1,000,000", commit=True)
    d.flush()
    assert odometer_config(d)["max"] == 1000000


def test_a_condition_on_a_number_in_german_and_its_list_of_numbers(drive: Driver, page, client, aloop, speak):
    speak("de")
    d = drive
    doc, row = condition_on_notes(d, aloop, client, page)
    d.choose(row.step_combo, "s-od01")
    d.choose(row.op_combo, "gte")
    d.type(row.value_widget.edit, "150.000,5")
    assert doc.find_step("s-nt01").data["condition"]["when"]["value"] == 150000.5
    d.choose(row.op_combo, "in")
    d.type(row.value_widget.edit, "0.5, 1.5, 150000")
    assert doc.find_step("s-nt01").data["condition"]["when"]["value"] == [0.5, 1.5, 150000]
    d.select_node(doc.find_step("s-od01").uid)
    d.select_node(doc.find_step("s-nt01").uid)
    assert d.step_panel.condition.root.rows[0].value_widget.edit.text() == "0.5, 1.5, 150000"


def test_a_conditions_words_keep_every_digit_of_its_number():
    """The tree said "only if … is at least 150000 km" of a condition at 150000.5 km ("{:g}" kept six)."""
    from rundun_desktop.editor.condition_text import value_words

    odometer = {"id": "s-od01", "type": "number", "label": "Odometer", "config": {"unit": "km"}}
    assert value_words(odometer, 150000.5) == "150000.5 km"
    assert value_words({**odometer, "config": {}}, 0.1234567) == "0.1234567"


def test_an_arabic_designers_list_of_numbers_is_split_at_the_arabic_comma(
    drive: Driver, page, client, aloop, speak
):
    """The field's placeholder writes "مثل 10، 12.5" in Arabic; a list typed so was one unreadable value."""
    d = drive
    doc, row = condition_on_notes(d, aloop, client, page)
    speak("ar")  # the value's field is made anew for the step and operator chosen below, in Arabic
    d.choose(row.step_combo, "s-od01")
    d.choose(row.op_combo, "in")
    assert row.value_widget.edit.placeholderText() == "مثل 10، 12.5"
    commit_text(row.value_widget.edit, "10، 12٫5، 150000")
    assert doc.find_step("s-nt01").data["condition"]["when"]["value"] == [10, 12.5, 150000]
