"""A number typed into the runner is read as the app's language writes numbers (`rundun_desktop.number_entry`).

Found by typing "45,210" into an odometer in the English app: the runner read every comma as a decimal point,
stored 45.21, showed "45,210" and said "Synced". The runner's own hint writes "at least 1,000" there."""

from __future__ import annotations

import pytest

from rundun_desktop.number_entry import decimal_comma, editable, read_number
from tests.desktop.conftest import wait_until
from tests.desktop.executor.conftest import opened
from tests.desktop.executor.test_runner import synced, type_into
from tests.support.typed_numbers import ODOMETER, STORED_NUMBERS, TYPED_NUMBERS

ENGLISH, GERMAN = False, True  # does the language write decimals with a comma


@pytest.mark.parametrize(("typed", "english", "german"), TYPED_NUMBERS)
def test_typed_text_reads_as_the_language_writes_numbers(typed, english, german):
    for comma_is_decimal, expected in ((ENGLISH, english), (GERMAN, german)):
        value = read_number(typed, comma_is_decimal)
        assert value == expected, (typed, comma_is_decimal, value)
        assert type(value) is type(expected)  # 45210 stays a whole number, 12.5 a decimal


@pytest.mark.parametrize("value", STORED_NUMBERS)
def test_a_stored_number_shows_every_digit_and_reads_back_as_itself(value):
    for comma_is_decimal in (ENGLISH, GERMAN):
        shown = editable(value, comma_is_decimal)
        assert read_number(shown, comma_is_decimal) == value, (value, shown)
    assert editable(123456.7, ENGLISH) == "123456.7"  # it showed "123457"
    assert editable(45.125, GERMAN) == "45,125"  # "45.125" would read back as 45125 in German
    assert editable(80.0, ENGLISH) == "80"


def test_a_stored_number_is_shown_again_with_the_languages_thousands_groups():
    """Typed "45,210.5", the field showed "45210.5" once the run was reopened ("45210,5" in German)."""
    from PySide6.QtCore import QLocale

    from rundun_desktop.number_entry import shown

    english, german = QLocale("en_US"), QLocale("de_DE")
    assert shown(45210.5, english) == "45,210.5" and shown(45210.5, german) == "45.210,5"
    assert shown(2024, english) == "2024" and shown(45.125, german) == "45,125"  # short ones as they are
    assert shown(-1234567, english) == "-1,234,567" and shown(1e20, english) == "1e+20"


def test_an_english_odometer_typed_with_a_thousands_comma_is_stored_whole(page, org, aloop, qtbot):
    link = org.dispatch(ODOMETER)
    run_id = opened(aloop, page, link)
    card = page.runner.cards["s-km"]
    assert not decimal_comma() and "," not in card.input.edit.text()
    type_into(qtbot, card.input.edit, "45,210")
    wait_until(aloop, lambda: org.values(run_id).get("s-km") == 45210)
    assert card.problems.text() == ""

    type_into(qtbot, card.input.edit, "123456.7")
    synced(aloop, page, run_id)
    wait_until(aloop, lambda: org.values(run_id)["s-km"] == 123456.7)
    opened(aloop, page, link)  # the run opened again: the field shows the stored answer to edit
    # Every digit (it showed "123457"), grouped as the language writes it, as typed (it showed "123456.7")
    assert page.runner.cards["s-km"].input.edit.text() == "123,456.7"


def test_a_german_odometer_reads_the_decimal_comma_and_the_thousands_dot(page, org, aloop, qtbot, speak):
    speak("de")
    assert decimal_comma()
    link = org.dispatch(ODOMETER)
    run_id = opened(aloop, page, link)
    edit = page.runner.cards["s-km"].input.edit
    type_into(qtbot, edit, "45.210,5")
    wait_until(aloop, lambda: org.values(run_id).get("s-km") == 45210.5)
    type_into(qtbot, edit, "45,125")
    synced(aloop, page, run_id)
    wait_until(aloop, lambda: org.values(run_id)["s-km"] == 45.125)
    opened(aloop, page, link)
    assert page.runner.cards["s-km"].input.edit.text() == "45,125"


def test_a_stored_position_shows_every_digit_and_stays_put_when_its_accuracy_is_edited(
    page, org, aloop, qtbot
):
    """The position's fields showed six digits ("52.52" for 52.520008): editing its accuracy then committed
    the rounded position, some 100 m from where it was taken."""
    located = {**ODOMETER["sections"][0]["steps"][0], "geo": True}
    link = org.dispatch({**ODOMETER, "sections": [{**ODOMETER["sections"][0], "steps": [located]}]})
    run_id = opened(aloop, page, link)
    card = page.runner.cards["s-km"]
    type_into(qtbot, card.input.edit, "100")
    card.geo.enter("52.520008", "13.404954", "5")

    def geo():
        return (org.run_doc(run_id)["answers"].get("s-km") or {}).get("geo")

    wait_until(aloop, lambda: geo() == {"lat": 52.520008, "lng": 13.404954, "accuracy_m": 5})
    opened(aloop, page, link)  # opened again: the fields show the stored position
    card = page.runner.cards["s-km"]
    assert (card.geo.lat.text(), card.geo.lng.text()) == ("52.520008", "13.404954")
    type_into(qtbot, card.geo.accuracy, "3")
    card.input.edit.setFocus()  # leaving the position's fields commits it
    wait_until(aloop, lambda: geo() == {"lat": 52.520008, "lng": 13.404954, "accuracy_m": 3})
