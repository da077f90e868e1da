"""Pure pieces: answers in words, the QR code."""

from __future__ import annotations

import time

import pytest
from PySide6.QtCore import QLocale

from rundun_desktop import formatting as fmt
from rundun_desktop.answers import HIDDEN, SKIPPED, UNANSWERED, answer_sections, value_text
from rundun_desktop.widgets.qr import QrCodeWidget, qr_image, qr_matrix
from tests.support.samples import vehicle_inspection


def step(kind: str, **config) -> dict:
    return {"id": "s-1", "type": kind, "label": "L", "config": config}


@pytest.fixture
def us_english():
    """Numbers and dates as written in the US, whatever an earlier test left the default locale at (the
    system's: "C" here, which groups no thousands)."""
    before = QLocale()
    QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.UnitedStates))
    yield
    QLocale.setDefault(before)


@pytest.mark.usefixtures("us_english")
def test_values_in_words():
    assert value_text(step("boolean", true_label="Clean", false_label="Dirty"), False) == "Dirty"
    assert value_text(step("boolean"), True) == "Yes"
    assert value_text(step("number", unit="km", decimal=1), 1234.5) == "1,234.5 km"
    options = [{"id": "o-1", "label": "Full"}, {"id": "o-2", "label": "Half"}]
    assert value_text(step("choice", options=options), "o-2") == "Half"
    assert value_text(step("multi_choice", options=options), ["o-1", "o-2"]) == "Full, Half"
    assert value_text(step("rating", min=1, max=5, low_label="Bad", high_label="Great"), 1) == "1 of 5 — Bad"
    assert value_text(step("date"), "2026-05-22") == "Fri 22 May 2026"
    assert value_text(step("date"), "22/05/2026") == "22/05/2026"  # not a date: shown as sent
    assert value_text(step("time"), "08:30") == "08:30"
    assert value_text(step("photo", min=1, max=3), None, 2) == "2 photos"
    assert value_text(step("signature"), None, 1) == "Signed"


def dashboard_cards(created: int) -> dict[str, str]:
    """The dashboard cards' numbers for a period of `created` runs."""
    from rundun_desktop.dashboard.models import cards

    by_status = {"completed": 0, "expired": 0}
    totals = {"created": created, "flagged_runs": 0, "by_status": by_status}
    stats = {"totals": totals, "completion_rate": None, "time_to_complete_s": {"p50": None}}
    return {c.key: c.value for c in cards(stats)}


@pytest.mark.usefixtures("us_english")
def test_dates_and_numbers_are_written_one_way_in_the_persons_language(monkeypatch):
    """A run's detail wrote "12/5/26 1:36 AM" where its row wrote "5 Dec 1:36 AM"; a date answer and a chart's
    day were English in every language."""
    monkeypatch.setenv("TZ", "UTC")
    time.tzset()
    try:
        us = fmt.local_time("2026-12-05T01:36:00Z")  # before AM, a space or a narrow one (the CLDR's age)
        assert us.startswith("5 Dec 2026, 1:36") and us.endswith("AM") and len(us) == 19
        QLocale.setDefault(QLocale(QLocale.Language.German, QLocale.Country.Germany))
        assert fmt.local_time("2026-12-05T13:36:09Z", with_seconds=True) == "5. Dez. 2026, 13:36:09"
        assert value_text(step("date"), "2026-05-22") == "Fr. 22. Mai 2026"
        assert value_text(step("rating", min=1, max=5), 3) == "3 of 5"  # no catalogue loaded: source words
        # Numbers as German writes them: Python's "," wrote "1,234.5 km" and "1,000 runs" in every language.
        assert value_text(step("number", unit="km", decimal=1), 1234.5) == "1.234,5 km"
        assert value_text(step("number"), 12345) == "12.345"
        assert value_text(step("number"), 2.25) == "2,25"
        assert dashboard_cards(created=1500)["dispatched"] == "1.500"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


def test_sections_follow_the_template_and_mark_hidden_and_skipped_steps():
    run = {
        "template": vehicle_inspection(),
        "answers": {
            "s-od01": {"value": 10, "photos": []},
            "s-dm01": {"value": False, "photos": []},
            "s-fu01": {"value": None, "skipped": True, "photos": []},
        },
    }
    sections = answer_sections(run)
    assert [s.title for s in sections] == ["Exterior", "Interior"]
    states = {i.step_id: i.state for s in sections for i in s.items}
    assert states == {
        "s-od01": "answered",
        "s-fu01": SKIPPED,
        "s-dm01": "answered",
        "s-dm02": HIDDEN,
        "s-cl01": UNANSWERED,
    }


def test_qr_code_of_a_link(qtbot):
    link = "http://127.0.0.1:8750/r/r-550e8400-e29b-41d4-a716-446655440000"
    matrix = qr_matrix(link)
    assert len(matrix) == len(matrix[0]) >= 25
    widget = QrCodeWidget()
    qtbot.addWidget(widget)
    widget.set_text(link)
    widget.resize(200, 200)
    image = widget.grab().toImage()
    dark = sum(image.pixelColor(x, y).value() < 128 for x in range(0, 200, 4) for y in range(0, 200, 4))
    assert 400 < dark < 2100  # roughly half the modules are dark
    assert not qr_image(link, 256).isNull()


def test_enter_presses_the_focused_button_on_a_page(desktop, aloop, qtbot):
    """Reached by Tab, "New template" took Space only: Enter did nothing outside a dialog."""
    from PySide6.QtCore import Qt

    from tests.desktop.conftest import wait_until

    window = desktop.window
    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    button = page.list_view.new_button
    window.view.activateWindow()
    qtbot.waitUntil(window.view.isActiveWindow, timeout=30000)
    button.setFocus()
    qtbot.waitUntil(button.hasFocus, timeout=5000)
    qtbot.keyClick(button, Qt.Key.Key_Return)
    wait_until(aloop, lambda: page.editing, 10)
    page.saver.never_saved = False  # not asked about at the end of the test
    page.editor.stack.setClean()


def test_the_app_filter_asks_a_rule_only_of_the_objects_it_is_for(qapp):
    """The app-wide filter sees every event of every object: a rule is asked only of its own classes' objects
    (their subclasses too), so that the label, frame and layout events that make up nearly all of them cost
    no more than a class looked up (bench/app_filter.py)."""
    from PySide6.QtCore import QEvent
    from PySide6.QtWidgets import QApplication, QCheckBox, QLabel, QPushButton

    from rundun_desktop.widgets.app_filter import AppFilter, Rule, app_filter

    assert app_filter(qapp) is app_filter(qapp), "one filter for the app"
    asked: list[tuple[str, QEvent.Type]] = []
    app_wide = AppFilter()
    app_wide.add(
        Rule((QPushButton,), lambda watched, kind, event: asked.append((watched.text(), kind)) or False)
    )
    qapp.installEventFilter(app_wide)
    try:
        for target in (QLabel("label"), QPushButton("button"), QCheckBox("check box")):
            QApplication.sendEvent(target, QEvent(QEvent.Type.User))
    finally:
        qapp.removeEventFilter(app_wide)
    assert asked == [("button", QEvent.Type.User)]
