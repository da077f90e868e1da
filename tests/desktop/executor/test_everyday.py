"""The executor in everyday use (issue 12): the sync bar after a run is done, arrow keys in a choice, a
completed run's photos, a run whose server cannot be reached, and the page at 1024×700 — each walked with
real widgets on the real embedded server."""

from __future__ import annotations

import socket
import sqlite3

from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QAbstractButton, QApplication, QLabel, QWidget

from rundun_desktop.executor import store as st
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import activate, drop, opened
from tests.desktop.executor_sim import image_bytes

ONE_PHOTO = {
    "name": "Meter reading",
    "sections": [
        {
            "id": "g-1",
            "title": "Main",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "Meter readable?"},
                {"id": "s-pic", "type": "photo", "label": "Meter", "config": {"min": 1, "max": 2}},
                {
                    "id": "s-fuel",
                    "type": "choice",
                    "label": "Fuel",
                    "required": False,
                    "config": {
                        "options": [
                            {"id": "o-a", "label": "Empty"},
                            {"id": "o-b", "label": "Half"},
                            {"id": "o-c", "label": "Full"},
                        ]
                    },
                },
            ],
        }
    ],
}


def click(qtbot, widget) -> None:
    qtbot.mouseClick(widget, Qt.MouseButton.LeftButton, pos=QPoint(8, widget.height() // 2))


def complete(qtbot, aloop, page) -> None:
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(page.runner_view.confirm_complete.ok, Qt.MouseButton.LeftButton)
    run(aloop, page.runner.settle())


def test_after_a_run_is_completed_and_sent_the_sync_bar_says_online(page, org, aloop, qtbot, tmp_path):
    opened(aloop, page, org.dispatch(ONE_PHOTO))
    cards = page.runner.cards
    click(qtbot, cards["s-ok"].input.buttons[True])
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(image_bytes("#1864ab"))
    drop(cards["s-pic"].photos, [photo])
    wait_until(aloop, lambda: len(cards["s-pic"].photos.thumbs) == 1, 10)
    complete(qtbot, aloop, page)
    wait_until(aloop, lambda: "Completed and sent" in page.runner_view.banner.text(), 15)
    wait_until(aloop, lambda: page.sync_bar.words.text() == "Online · everything is synced", 10)


def test_a_completed_run_shows_its_photos_without_a_remove_button(page, org, aloop, qtbot, tmp_path):
    opened(aloop, page, org.dispatch(ONE_PHOTO))
    cards = page.runner.cards
    click(qtbot, cards["s-ok"].input.buttons[True])
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(image_bytes("#1864ab"))
    strip = cards["s-pic"].photos
    drop(strip, [photo])
    wait_until(aloop, lambda: len(strip.thumbs) == 1, 10)
    assert strip.thumbs[0].close_button.isVisible()
    complete(qtbot, aloop, page)
    wait_until(aloop, lambda: "Completed and sent" in page.runner_view.banner.text(), 15)
    assert len(strip.thumbs) == 1 and strip.thumbs[0].isVisible()
    assert not strip.thumbs[0].close_button.isVisible()
    assert not strip.add_button.isVisible()
    # In its own colours: the card takes no more changes, and a disabled label painted the photo grey.
    shown = strip.thumbs[0].image.grab().toImage()
    middle = shown.pixelColor(shown.width() // 2, shown.height() // 2)
    assert (
        abs(middle.red() - 0x18) < 24 and abs(middle.green() - 0x64) < 24 and abs(middle.blue() - 0xAB) < 24
    ), middle.name()


def test_arrow_keys_move_between_choice_options_and_select_them(page, org, aloop, qtbot):
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    radios = page.runner.cards["s-fuel"].input.radios
    activate(qtbot, page)
    radios["o-a"].setFocus()
    qtbot.keyClick(radios["o-a"], Qt.Key.Key_Down)
    run(aloop, page.runner.settle())
    assert radios["o-b"].hasFocus() and radios["o-b"].isChecked()
    qtbot.keyClick(radios["o-b"], Qt.Key.Key_Down)
    qtbot.keyClick(radios["o-c"], Qt.Key.Key_Down)  # wraps around, as a radio group does
    run(aloop, page.runner.settle())
    assert radios["o-a"].hasFocus() and radios["o-a"].isChecked() and not radios["o-c"].isChecked()
    qtbot.keyClick(radios["o-a"], Qt.Key.Key_Up)
    run(aloop, page.runner.settle())
    assert radios["o-c"].isChecked()
    wait_until(aloop, lambda: org.values(run_id).get("s-fuel") == "o-c", 10)


def test_a_run_whose_server_cannot_be_reached_says_why_and_what_to_do(page, org, aloop, qtbot):
    run_id = opened(aloop, page, org.dispatch(ONE_PHOTO))
    sock = socket.socket()
    sock.bind(("127.0.0.1", 0))
    gone = f"http://127.0.0.1:{sock.getsockname()[1]}"
    sock.close()
    with sqlite3.connect(page.service.data_dir / st.DB_NAME) as db:  # the server went away
        db.execute("UPDATE runs SET base_url = ?, server_id = NULL WHERE run_id = ?", (gone, run_id))
    run(aloop, page.runner.load(run_id))
    click(qtbot, page.runner.cards["s-ok"].input.buttons[True])
    run(aloop, page.runner.settle())
    banner = page.runner_view.banner
    wait_until(aloop, lambda: "Not sent yet" in banner.text(), 15)
    text = banner.text()
    assert f"Cannot reach the server at {gone}: nothing answers there." in text
    assert "kept on this computer" in text and "Sync now" in text
    assert "r-" not in text.replace(run_id, "")  # words, not ids
    # A server on this computer that is not the app's own (its link named it): not sent to the status bar,
    # which speaks of the app's server (it said "the Rundun app's own server" for any address on loopback).
    assert "apart from the app's own: check that it is started" in text and "status bar" not in text
    with sqlite3.connect(page.service.data_dir / st.DB_NAME) as db:  # a run of the app's own server
        db.execute("UPDATE runs SET server_id = 'org:o-own' WHERE run_id = ?", (run_id,))
    run(aloop, page.runner.load(run_id))
    click(qtbot, page.runner.cards["s-ok"].input.buttons[False])
    run(aloop, page.runner.settle())
    wait_until(aloop, lambda: "the Rundun app's own server on this computer" in banner.text(), 15)
    assert "check in the status bar that the app is connected" in banner.text()


def cut_off(view) -> list[str]:
    """Visible labels and buttons that reach past the view's right edge (drawn cut off)."""
    out = []
    for widget in view.findChildren(QWidget):
        if isinstance(widget, (QLabel, QAbstractButton)) and widget.isVisibleTo(view):
            right = widget.mapTo(view, QPoint(widget.width(), 0)).x()
            if right > view.width():
                out.append(getattr(widget, "text", lambda: "")() or widget.objectName())
    return out


def test_the_executor_page_is_usable_at_1024_by_700(page, org, aloop, qtbot):
    page.resize(1024 - 180, 700 - 40)  # the window's sidebar and status bar take the rest
    qtbot.waitUntil(lambda: page.width() == 1024 - 180, timeout=30000)
    assert cut_off(page.inbox_view) == []
    opened(aloop, page, org.dispatch(ONE_PHOTO))
    view = page.runner_view
    qtbot.waitUntil(lambda: view.isVisible() and page.width() == 1024 - 180, timeout=30000)
    assert cut_off(view) == []
    subtitle = view.subtitle
    assert page.runner.run["base_url"] in subtitle.toolTip()
    assert subtitle.text() == subtitle.full_text() or "…" in subtitle.text()  # whole, or visibly shortened


def test_a_photo_steps_note_wraps_rather_than_widening_the_section(qtbot, speak):
    """In German the note beside "Add photos…" ("oder Bilddateien hierher ziehen · 1–6 Fotos mit der Antwort")
    held its words on one line: every card of the section grew wider than the page, which scrolled sideways at
    1024 px and cut each card's "✓ Synchronisiert"."""
    from rundun_desktop.executor.widgets.photos import PhotoStrip

    speak("de")
    strip = PhotoStrip(1, 6, with_answer=True)
    qtbot.addWidget(strip)
    assert strip.note.text() == "oder Bilddateien hierher ziehen · 1–6 Fotos mit der Antwort"
    words = strip.note.fontMetrics().horizontalAdvance(strip.note.text())
    assert strip.minimumSizeHint().width() < words  # it may be narrower than its words: they wrap
    strip.resize(320, 200)
    strip.show()
    qtbot.waitUntil(lambda: strip.note.isVisible() and strip.note.height() > 0, timeout=30000)
    right = strip.note.mapTo(strip, QPoint(strip.note.width(), 0)).x()
    assert right <= strip.width()
    needed = strip.note.heightForWidth(strip.note.width())
    assert strip.note.height() >= needed  # every line of it shown


def test_a_long_sync_error_wraps_in_the_sync_bar_at_1024_by_700(qtbot):
    """The server's words in the sync bar beside "Sync now": a long one wraps, whole, rather than running
    under the button cut off mid-word ("…did not answer in ti"). The bar alone, laid out as the page lays it
    out at 1024×700 (the page's own engine would say its status over the one given here)."""
    from PySide6.QtWidgets import QTextEdit, QVBoxLayout

    from rundun_desktop.executor.page import SyncBar
    from rundun_desktop.executor.style import EXECUTOR_STYLE
    from rundun_desktop.executor.sync import SyncStatus
    from rundun_desktop.theme import set_sheet

    page = QWidget()
    set_sheet(page, EXECUTOR_STYLE)
    layout = QVBoxLayout(page)
    layout.setContentsMargins(0, 0, 0, 0)
    layout.addWidget(QTextEdit(), 1)
    bar = SyncBar()
    layout.addWidget(bar)
    qtbot.addWidget(page)
    page.resize(1024 - 180, 700 - 40)  # the window's sidebar and status bar take the rest
    page.show()
    words = (
        "The server at http://127.0.0.1:8751 did not answer in time. Retrying… Your changes are kept on this "
        "computer and sent when it answers."
    )
    bar.show_status(SyncStatus(online=False, pending_ops=3, last_error=words))

    def whole() -> bool:  # every line of the words, laid out beside the button
        needed = bar.error.fontMetrics().boundingRect(
            0, 0, bar.error.width(), 10_000, Qt.TextFlag.TextWordWrap, words
        )
        return bar.error.text() == words and 0 < needed.height() <= bar.error.height()

    qtbot.waitUntil(whole, timeout=30000)
    assert page.width() == 1024 - 180  # the words did not make the bar, and so the page, wider
    assert bar.minimumSizeHint().width() <= page.width()
    button_left = bar.sync_now.mapTo(bar, QPoint(0, 0)).x()
    assert bar.error.mapTo(bar, QPoint(bar.error.width(), 0)).x() <= button_left
    assert bar.sync_now.mapTo(page, QPoint(bar.sync_now.width(), 0)).x() <= page.width()


FIRST_PAGE = [("s-plate", "text", "Plate"), ("s-km", "number", "Odometer"), ("s-ok", "boolean", "Clean?")]
TWO_PAGES = {
    "name": "Tab order",
    "sections": [
        {
            "id": "g-1",
            "title": "First",
            "steps": [{"id": i, "type": t, "label": w} for i, t, w in FIRST_PAGE],
        },
        {"id": "g-2", "title": "Second", "steps": [{"id": "s-note", "type": "text", "label": "Note"}]},
    ],
}


def test_tab_goes_from_a_sections_answers_to_its_buttons(page, org, aloop, qtbot):
    """Tab from a section's last answer reaches "Next section" and then "Complete run"; it jumped back to
    "← Inbox" (the section's page, made after the buttons, ended the window's focus chain), and the next key
    left the run. Shift+Tab from the first answer reaches the section list."""
    opened(aloop, page, org.dispatch(TWO_PAGES))
    activate(qtbot, page)
    view = page.runner_view
    for section in (0, 1, 0):  # a page shown again keeps its place in the chain
        page.runner.show_section(section)
        activate(qtbot, page)  # offscreen, the page taken out of the scroll area took the activation with it
        page.runner.focus_first()
        start = QApplication.focusWidget()
        assert view.scroll_area.widget().isAncestorOf(start)
        reached = []
        for _ in range(12):
            qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
            reached.append(QApplication.focusWidget())
            if reached[-1] is view.complete_button:
                break
        answers = [w for w in reached if view.scroll_area.widget().isAncestorOf(w)]
        buttons = [w for w in reached if not view.scroll_area.widget().isAncestorOf(w)]
        assert buttons[-1] is view.complete_button, [type(w).__name__ for w in reached]
        assert view.back not in buttons and view.next in buttons if section == 0 else view.back not in buttons
        assert reached.index(buttons[0]) == len(answers)  # every answer first, then the buttons
        start.setFocus()
        qtbot.keyClick(start, Qt.Key.Key_Backtab, Qt.KeyboardModifier.ShiftModifier)
        assert QApplication.focusWidget() is view.sections


def test_the_runs_header_reads_whole_in_german_at_1024_by_700_with_a_step_still_incomplete(
    page, org, aloop, qtbot, speak
):
    """The header's longest words ("1 von 1 beantwortet · 1 noch unvollständig") beside a long run title: the
    progress line must not push the page wider, nor be cut."""
    speak("de")
    page.resize(1024 - 180, 700 - 40)
    template = {
        "name": "Fahrzeugübergabe mit Schadensaufnahme und Fotodokumentation",
        "sections": [
            {
                "id": "g-car",
                "title": "Fahrzeug",
                "steps": [
                    {"id": "s-parked", "type": "boolean", "label": "Geparkt?", "photo": {"min": 1, "max": 2}}
                ],
            }
        ],
    }
    opened(aloop, page, org.dispatch(template))
    view = page.runner_view
    qtbot.waitUntil(lambda: view.isVisible() and page.width() == 1024 - 180, timeout=30000)
    qtbot.mouseClick(page.runner.cards["s-parked"].input.buttons[True], Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: "noch unvollständig" in view.progress_text.text(), 10)
    assert view.progress_text.text() == "1 von 1 beantwortet · 1 noch unvollständig"
    assert cut_off(view) == []
    view.grab().save("/tmp/rundun-runner-incomplete-de.png")
