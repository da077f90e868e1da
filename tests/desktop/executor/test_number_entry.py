"""A number typed into the runner is read as the app's language writes numbers (`rundun_desktop.number_entry`).

Found by typing "45,210" into an odometer in the English app: the runner read every comma as a decimal point,
stored 45.21, showed "45,210" and said "Synced". The runner's own hint writes "at least 1,000" there."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QLocale
from PySide6.QtWidgets import QApplication

from rundun_desktop import i18n
from rundun_desktop.number_entry import decimal_comma, editable, read_number
from tests.desktop.conftest import wait_until
from tests.desktop.executor.conftest import opened
from tests.desktop.executor.test_runner import synced, type_into

ENGLISH, GERMAN = False, True  # does the language write decimals with a comma


@pytest.mark.parametrize(
    ("typed", "english", "german"),
    [
        ("45210", 45210, 45210),
        ("45,210", 45210, 45.21),  # the odometer: thousands in English, decimals in German
        ("45.210", 45.21, 45210),
        ("12,5", 12.5, 12.5),  # no one groups thousands that way: a decimal comma in English too
        ("12.5", 12.5, 12.5),
        ("0,500", 0.5, 0.5),  # a leading zero groups nothing
        ("1,234,567", 1234567, 1234567),  # repeated: thousands (no number has two decimal points)
        ("1.234.567", 1234567, 1234567),
        ("45,210.5", 45210.5, 45210.5),  # both: the last is the decimal point
        ("45.210,5", 45210.5, 45210.5),
        ("1 234,5", 1234.5, 1234.5),  # spaces between groups (fr), no-break or thin
        ("1\u00a0234", 1234, 1234),
        ("1\u202f234.5", 1234.5, 1234.5),
        ("1'000", 1000, 1000),  # de_CH
        ("-3,5", -3.5, -3.5),
        ("−7", -7, -7),  # the minus sign
        ("+8", 8, 8),
        (",5", 0.5, 0.5),
        ("1e3", 1000.0, 1000.0),
        ("٤٥٬٢١٠", 45210, 45210),  # Arabic digits and separators
        ("١٢٫٥", 12.5, 12.5),
        ("1,23,4", None, None),  # broken groups
        ("1.234,5,6", None, None),
        ("1.5,555.5", None, None),
        ("45,2100", 45.21, 45.21),  # four digits after: only a decimal point
        ("12abc", None, None),
        ("inf", None, None),
        ("nan", None, None),
        ("1" * 400, None, None),
        ("-", None, None),
        (",", None, None),
    ],
)
def test_typed_text_reads_as_the_language_writes_numbers(typed, english, german):
    for comma_is_decimal, expected in ((ENGLISH, english), (GERMAN, german)):
        value = read_number(typed, comma_is_decimal)
        assert value == expected, (typed, comma_is_decimal, value)
        assert type(value) is type(expected)  # 45210 stays a whole number, 12.5 a decimal


@pytest.mark.parametrize(
    "value", [0, 7, 45210, 45.21, 45.125, 123456.7, 1234567.25, -0.5, 1e-7, 2.5e20, 80.0]
)
def test_a_stored_number_shows_every_digit_and_reads_back_as_itself(value):
    for comma_is_decimal in (ENGLISH, GERMAN):
        shown = editable(value, comma_is_decimal)
        assert read_number(shown, comma_is_decimal) == value, (value, shown)
    assert editable(123456.7, ENGLISH) == "123456.7"  # it showed "123457"
    assert editable(45.125, GERMAN) == "45,125"  # "45.125" would read back as 45125 in German
    assert editable(80.0, ENGLISH) == "80"


ODOMETER = {
    "name": "Vehicle return",
    "sections": [
        {
            "id": "g-1",
            "title": "Outside",
            "steps": [
                {"id": "s-km", "type": "number", "label": "Odometer", "config": {"min": 0, "unit": "km"}}
            ],
        }
    ],
}


def test_an_english_odometer_typed_with_a_thousands_comma_is_stored_whole(page, org, aloop, qtbot):
    link = org.dispatch(ODOMETER)
    run_id = opened(aloop, page, link)
    card = page.runner.cards["s-km"]
    assert not decimal_comma() and "," not in card.input.edit.text()
    type_into(qtbot, card.input.edit, "45,210")
    synced(aloop, page, run_id)
    assert org.values(run_id)["s-km"] == 45210
    assert card.problems.text() == ""

    type_into(qtbot, card.input.edit, "123456.7")
    synced(aloop, page, run_id)
    wait_until(aloop, lambda: org.values(run_id)["s-km"] == 123456.7)
    opened(aloop, page, link)  # the run opened again: the field shows the stored answer to edit
    assert page.runner.cards["s-km"].input.edit.text() == "123456.7"  # it showed "123457"


def test_a_german_odometer_reads_the_decimal_comma_and_the_thousands_dot(
    page, org, aloop, qtbot, compiled_catalogs
):
    translation = i18n.Translation()
    assert translation.install(QApplication.instance(), "de", compiled_catalogs)
    try:
        assert decimal_comma()
        link = org.dispatch(ODOMETER)
        run_id = opened(aloop, page, link)
        edit = page.runner.cards["s-km"].input.edit
        type_into(qtbot, edit, "45.210,5")
        synced(aloop, page, run_id)
        assert org.values(run_id)["s-km"] == 45210.5
        type_into(qtbot, edit, "45,125")
        synced(aloop, page, run_id)
        wait_until(aloop, lambda: org.values(run_id)["s-km"] == 45.125)
        opened(aloop, page, link)
        assert page.runner.cards["s-km"].input.edit.text() == "45,125"
    finally:
        translation.remove(QApplication.instance())
        i18n.TRANSLATION.install(QApplication.instance(), "en")
        QLocale.setDefault(QLocale.system())
