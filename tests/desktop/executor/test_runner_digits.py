"""The Executor in Arabic writes its run's counts in the locale's digits: its header read "أُجيب عن 0 من 17"
and its rating's buttons 1 2 3 4 5 in Latin digits beside the sections' "٠/٤" and every other number of the app
in Arabic ones (the editor's preview too)."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QPushButton

from rundun_desktop.editor.preview_cards import StepCard
from tests.desktop.executor.conftest import opened
from tests.desktop.executor.test_runner import CONDITIONS, settle

LATIN_DIGIT = re.compile(r"[0-9]")


def test_an_arabic_executors_progress_is_in_arabic_digits(speak, page, org, aloop, qtbot):
    speak("ar")
    opened(aloop, page, org.dispatch(CONDITIONS))
    runner, cards = page.runner, page.runner.cards
    settle(aloop, page)
    assert runner.view.progress_text.text() == "أُجيب عن ٠ من ٣"
    qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    said = runner.view.progress_text.text()
    assert said.startswith("أُجيب عن ١ من ٤") and not LATIN_DIGIT.search(said), said


def test_an_arabic_executors_rating_buttons_are_in_arabic_digits(speak, page, org, aloop):
    """The rating's buttons read 1 2 3 4 5 beside its card's ٥ and its section's ٠/٤."""
    speak("ar")
    rating = {"id": "s-rate", "type": "rating", "label": "Rate", "config": {"min": 1, "max": 5}}
    opened(
        aloop,
        page,
        org.dispatch({"name": "Rated", "sections": [{"id": "g-1", "title": "One", "steps": [rating]}]}),
    )
    buttons = page.runner.cards["s-rate"].input.buttons
    assert [buttons[k].text() for k in sorted(buttons)] == ["١", "٢", "٣", "٤", "٥"]


def test_an_arabic_previews_rating_buttons_are_in_arabic_digits(qtbot, speak):
    """The editor's preview shows the rating as the Executor does."""
    speak("ar")
    card = StepCard({"id": "s-rate", "type": "rating", "label": "Rate", "config": {"min": 0, "max": 3}})
    qtbot.addWidget(card)
    assert [b.text() for b in card.findChildren(QPushButton, "previewChoice")] == ["٠", "١", "٢", "٣"]
