"""The Executor in Arabic writes its run's counts in the locale's digits: its header read "أُجيب عن 0 من 17"
in Latin digits above the sections' "٠/٤" and every other number of the app in Arabic ones."""

from __future__ import annotations

import re

from PySide6.QtCore import Qt

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
