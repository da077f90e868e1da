"""A date typed with slashes is read in the order the app's language writes dates, and shown as it was read
once the field is left. 03/04/2026 was read day first everywhere: an American executor's 4 March was stored as
3 April, the field still showing "03/04/2026" under "Synced"."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from PySide6.QtCore import QLocale, Qt

from tests.desktop.conftest import wait_until
from tests.desktop.executor.conftest import activate, opened

DAY = {
    "name": "Delivery",
    "sections": [
        {"id": "g-1", "title": "Goods", "steps": [{"id": "s-day", "type": "date", "label": "Delivered on"}]}
    ],
}


def typed_day(page, org, aloop, qtbot, typed: str, expected: str) -> None:
    """`typed` into a date step, committed as typing pauses (left as typed while focused), then Enter: the
    server has `expected` and the field shows it."""
    run_id = opened(aloop, page, org.dispatch(DAY))
    edit = page.runner.cards["s-day"].input.edit
    activate(qtbot, page)
    edit.setFocus()
    qtbot.keyClicks(edit, typed)
    wait_until(aloop, lambda: org.values(run_id).get("s-day") == expected)
    assert edit.text() == typed  # never rewritten while it is being typed in
    qtbot.keyClick(edit, Qt.Key.Key_Return)
    assert edit.text() == expected


@contextmanager
def dates_of(country: QLocale.Country) -> Iterator[None]:
    """English as written in `country` (the app's English is American unless the computer's is another)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, country))
    try:
        yield
    finally:
        QLocale.setDefault(before)


def test_an_american_executors_slashed_date_is_month_first_and_shown_as_read(page, org, aloop, qtbot):
    with dates_of(QLocale.Country.UnitedStates):
        typed_day(page, org, aloop, qtbot, "03/04/2026", "2026-03-04")
        typed_day(page, org, aloop, qtbot, "22/05/2026", "2026-05-22")  # no month 22: day first, unambiguous


def test_a_british_or_german_executors_slashed_date_is_day_first(page, org, aloop, qtbot, speak):
    with dates_of(QLocale.Country.UnitedKingdom):
        typed_day(page, org, aloop, qtbot, "03/04/2026", "2026-04-03")
        typed_day(page, org, aloop, qtbot, "05/22/2026", "2026-05-22")  # no month 22: month first
    speak("de")
    typed_day(page, org, aloop, qtbot, "03/04/2026", "2026-04-03")
    typed_day(page, org, aloop, qtbot, "4.3.2026", "2026-03-04")


def test_a_time_with_am_or_pm_is_read_on_the_24_hour_clock_and_shown_so(page, org, aloop, qtbot):
    """ "2:30 pm" was refused as no time; 8:30, 0830 and 8.30 were read already."""
    clock = {
        **DAY,
        "sections": [{**DAY["sections"][0], "steps": [{"id": "s-day", "type": "time", "label": "At"}]}],
    }
    for typed, expected in (
        ("2:30 pm", "14:30"),
        ("12 a.m.", "00:00"),
        ("7:05PM", "19:05"),
        ("0830", "08:30"),
    ):
        run_id = opened(aloop, page, org.dispatch(clock))
        edit = page.runner.cards["s-day"].input.edit
        activate(qtbot, page)
        edit.setFocus()
        qtbot.keyClicks(edit, typed)
        qtbot.keyClick(edit, Qt.Key.Key_Return)
        wait_until(
            aloop, lambda run_id=run_id, expected=expected: org.values(run_id).get("s-day") == expected
        )
        assert edit.text() == expected
