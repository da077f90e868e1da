"""The runner driven like an executor (pytest-qt: clicks, typing, keys, drops) on the real embedded server:
every step type, conditions hiding and showing steps, required and skip rules, progress, completing
(checked here first, naming what is missing) and exiting, keyboard only."""

from __future__ import annotations

from PySide6.QtCore import QLocale, QPoint, Qt
from PySide6.QtWidgets import QApplication, QStyle

from rundun_desktop import i18n
from rundun_desktop.executor import store as st
from rundun_desktop.executor.style import SECTION_ITEM_PADDING
from tests.desktop.conftest import run, wait_until
from tests.desktop.executor.conftest import activate, choose_folder, drop, opened
from tests.desktop.executor_sim import image_bytes
from tests.support.executor import every_type


def settle(aloop, page) -> None:
    run(aloop, page.runner.settle())


def synced(aloop, page, run_id: str) -> None:
    wait_until(aloop, lambda: not st_ops(page, run_id), 10)


def st_ops(page, run_id: str) -> list:
    store = st.LocalStore(page.service.data_dir)
    try:
        return store.ops(run_id, (st.PENDING,))
    finally:
        store.close()


def tick(qtbot, box) -> None:
    """Click a check box or radio button on its indicator (its centre may lie past the label)."""
    qtbot.mouseClick(box, Qt.MouseButton.LeftButton, pos=QPoint(8, box.height() // 2))


def type_into(qtbot, widget, text: str) -> None:
    """Focus, type, press Enter: what a person does in a line edit."""
    widget.setFocus()
    widget.clear()
    qtbot.keyClicks(widget, text)
    qtbot.keyClick(widget, Qt.Key.Key_Return)


def test_every_step_type_answered_through_its_widget_reaches_the_server(page, org, aloop, qtbot, tmp_path):
    run_id = opened(aloop, page, org.dispatch(every_type()))
    cards = page.runner.cards
    activate(qtbot, page)

    cards["s-bool"].input.buttons[True].setFocus()
    qtbot.keyClick(cards["s-bool"].input.buttons[True], Qt.Key.Key_Return)  # Enter toggles, as Space does
    type_into(qtbot, cards["s-num"].input.edit, "12,5")
    type_into(qtbot, cards["s-text"].input.edit, "All fine")
    tick(qtbot, cards["s-choice"].input.radios["o-b"])
    tick(qtbot, cards["s-multi"].input.boxes["o-x"])
    tick(qtbot, cards["s-multi"].input.boxes["o-z"])
    cards["s-rate"].input.buttons[3].setFocus()
    qtbot.keyClick(cards["s-rate"].input.buttons[3], Qt.Key.Key_Space)
    type_into(qtbot, cards["s-date"].input.edit, "22.05.2026")
    type_into(qtbot, cards["s-time"].input.edit, "0831")
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(image_bytes("#1864ab"))
    cards["s-photo"].photos.files_added.emit([str(photo)])
    cards["s-sig"].signature.pad.draw_stroke([(20, 120), (80, 60), (140, 110), (220, 50)])
    qtbot.mouseClick(cards["s-sig"].signature.save_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(cards["s-geo"].input.buttons[False], Qt.MouseButton.LeftButton)
    cards["s-geo"].geo.enter("52.5200", "13,405", "8")
    settle(aloop, page)

    # s-why is hidden (s-bool is true); s-geo is answered but still short of its photo
    assert page.runner.view.progress_text.text() == "11 of 11 answered · 1 still incomplete"
    assert [p["message"] for p in page.runner.completion_problems()] == ["'Parked?' needs at least 1 photo"]
    synced(aloop, page, run_id)
    doc = org.run_doc(run_id)
    values = {k: v["value"] for k, v in doc["answers"].items()}
    assert values == {
        "s-bool": True,
        "s-num": 12.5,
        "s-text": "All fine",
        "s-choice": "o-b",
        "s-multi": ["o-x", "o-z"],
        "s-rate": 3,
        "s-date": "2026-05-22",
        "s-time": "08:31",
        "s-photo": None,
        "s-sig": None,
        "s-geo": False,
    }
    assert doc["answers"]["s-geo"]["geo"] == {"lat": 52.52, "lng": 13.405, "accuracy_m": 8.0}
    assert len(doc["answers"]["s-photo"]["photos"]) == 1
    assert doc["answers"]["s-sig"]["photos"][0]["url"]
    wait_until(aloop, lambda: cards["s-num"].chip.text() == "✓ Synced", 5)
    assert "s-info" not in doc["answers"]  # an instruction is never answered


def stored_answers(page, run_id: str) -> dict:
    store = st.LocalStore(page.service.data_dir)
    try:
        return {step: entry.get("value") for step, entry in store.answers(run_id).items()}
    finally:
        store.close()


def test_what_is_typed_is_saved_once_typing_pauses_without_leaving_the_field(page, org, aloop, qtbot):
    """A value typed and not yet committed is said on its card ("not saved yet", not the state of the value
    before); once typing pauses it is in the local store (a crash then loses nothing), the field still
    focused and its text as typed. Saved only on Enter or on leaving the field, it was lost to a crash while
    the card said "Synced"."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    cards = page.runner.cards
    activate(qtbot, page)
    type_into(qtbot, cards["s-num"].input.edit, "12")
    wait_until(aloop, lambda: cards["s-num"].chip.text() == "✓ Synced", 10)

    for step_id, typed, value in (("s-num", "7,5", 7.5), ("s-text", "Seal torn", "Seal torn")):
        edit = cards[step_id].input.edit
        edit.setFocus()
        edit.selectAll()
        qtbot.keyClicks(edit, typed)  # no Enter, focus stays
        assert cards[step_id].chip.text() == "✎ Not saved yet"
        wait_until(
            aloop, lambda step_id=step_id, value=value: stored_answers(page, run_id).get(step_id) == value
        )
        assert edit.hasFocus() and edit.text() == typed
        settle(aloop, page)
        assert cards[step_id].chip.text() in ("● Saved here · waiting to sync", "✓ Synced")

    qtbot.keyClicks(cards["s-text"].input.edit, "!")  # and the card says so again at the next key
    assert cards["s-text"].chip.text() == "✎ Not saved yet"
    synced(aloop, page, run_id)
    wait_until(aloop, lambda: org.values(run_id).get("s-text") == "Seal torn!")
    assert org.values(run_id)["s-num"] == 7.5


def test_values_a_step_refuses_are_named_on_it_and_never_queued(page, org, aloop, qtbot):
    run_id = opened(aloop, page, org.dispatch(every_type()))
    cards = page.runner.cards
    type_into(qtbot, cards["s-num"].input.edit, "150")
    type_into(qtbot, cards["s-text"].input.edit, "x" * 20)  # the field stops at max_length
    type_into(qtbot, cards["s-date"].input.edit, "2025-12-31")
    type_into(qtbot, cards["s-time"].input.edit, "25:00")
    tick(qtbot, cards["s-multi"].input.boxes["o-x"])
    tick(qtbot, cards["s-multi"].input.boxes["o-y"])
    tick(qtbot, cards["s-multi"].input.boxes["o-z"])
    type_into(qtbot, cards["s-num"].input.edit, "12.25")
    settle(aloop, page)
    assert cards["s-num"].problems.text() == "must have at most 1 decimal place"
    assert cards["s-date"].problems.text() == "must be on or after 1 Jan 2026"  # as the app writes dates
    assert "HH:MM" in cards["s-time"].problems.text()
    assert cards["s-multi"].problems.text() == "must select at most 2 options"
    assert cards["s-text"].input.text() == "x" * 20 and not cards["s-text"].problems.isVisible()
    store = st.LocalStore(page.service.data_dir)
    # The answers kept (each recorded with its outbox op in one transaction), not the outbox itself: the sync
    # engine may already have sent and dropped the ops.
    recorded = {step_id: answer["value"] for step_id, answer in store.answers(run_id).items()}
    store.close()
    assert recorded == {"s-text": "x" * 20, "s-multi": ["o-x", "o-y"]}  # only what passed the domain checks
    type_into(qtbot, cards["s-num"].input.edit, "12.2")
    settle(aloop, page)
    assert not cards["s-num"].problems.isVisible()


CONDITIONS = {
    "name": "Conditions",
    "settings": {"allow_skip": True},
    "sections": [
        {
            "id": "g-1",
            "title": "First",
            "steps": [
                {"id": "s-ok", "type": "boolean", "label": "All OK?"},
                {
                    "id": "s-why",
                    "type": "text",
                    "label": "Why not?",
                    "condition": {"when": {"step": "s-ok", "op": "eq", "value": False}},
                },
                {"id": "s-extra", "type": "number", "label": "Extra", "required": False},
            ],
        },
        {
            "id": "g-2",
            "title": "Only when not OK",
            "steps": [
                {
                    "id": "s-damage",
                    "type": "photo",
                    "label": "Damage",
                    "config": {"min": 1, "max": 2},
                    "condition": {
                        "when": {
                            "all": [
                                {"step": "s-ok", "op": "eq", "value": False},
                                {"step": "s-why", "op": "answered"},
                            ]
                        }
                    },
                },
            ],
        },
        {"id": "g-3", "title": "Last", "steps": [{"id": "s-rate", "type": "rating", "label": "Rate"}]},
    ],
}


def test_conditions_hide_and_show_steps_and_sections_live(page, org, aloop, qtbot):
    opened(aloop, page, org.dispatch(CONDITIONS))
    runner, cards, sections = page.runner, page.runner.cards, page.runner_view.sections
    assert not cards["s-why"].isVisible() and sections.item(1).isHidden()
    assert runner.view.progress_text.text() == "0 of 3 answered"
    qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert cards["s-why"].isVisible() and sections.item(1).isHidden()  # needs s-why answered too
    type_into(qtbot, cards["s-why"].input.edit, "Flat tyre")
    settle(aloop, page)
    assert not sections.item(1).isHidden() and runner.view.progress_text.text() == "2 of 5 answered"
    qtbot.mouseClick(cards["s-ok"].input.buttons[True], Qt.MouseButton.LeftButton)  # change of mind
    settle(aloop, page)
    assert not cards["s-why"].isVisible() and sections.item(1).isHidden()
    assert runner.view.progress_text.text() == "1 of 3 answered"
    activate(qtbot, page)
    qtbot.keyClick(page.runner_view, Qt.Key.Key_PageDown, Qt.KeyboardModifier.ControlModifier)
    assert runner.current == 2  # the hidden section is stepped over


THREE_QUESTIONS = {
    "name": "Three questions",
    "sections": [
        {
            "id": "g-1",
            "title": "Checks",
            "steps": [
                {"id": f"s-{n}", "type": "boolean", "label": f"Question {n}", "required": True}
                for n in (1, 2, 3)
            ],
        }
    ],
}


def test_answering_what_complete_listed_moves_nothing_under_the_pointer(page, org, aloop, qtbot):
    """Each answer took a line off the missing list and the red words off its card, and the next step's Yes
    moved up under the pointer: a quick click landed on the step above. Until the list ends, nothing moves."""
    opened(aloop, page, org.dispatch(THREE_QUESTIONS))
    cards, banner = page.runner.cards, page.runner_view.banner

    def top_of(step_id: str) -> int:
        QApplication.processEvents()  # the layout redone, as before the next paint
        return cards[step_id].input.buttons[True].mapTo(page, QPoint(0, 0)).y()

    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert "3 things still missing" in banner.text()
    second, third = top_of("s-2"), top_of("s-3")
    qtbot.mouseClick(cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert "2 things still missing" in banner.text() and "Question 1" not in banner.text()
    assert cards["s-1"].problems.isHidden() and not cards["s-2"].problems.isHidden()
    assert (top_of("s-2"), top_of("s-3")) == (second, third)
    qtbot.mouseClick(cards["s-2"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert "1 thing still missing" in banner.text() and top_of("s-3") == third
    qtbot.mouseClick(cards["s-3"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert not banner.isVisibleTo(page.runner_view)  # the list went: the page tightens, once
    assert top_of("s-3") < third
    assert all(not card.problems.sizePolicy().retainSizeWhenHidden() for card in cards.values())


def test_not_sent_yet_comes_back_once_the_missing_list_goes_while_still_offline(page, org, aloop, qtbot):
    """The run's server stopped: "Not sent yet" said so above the form. Complete's list of missing steps took
    its place, and once they were answered the banner went blank, though nothing had been sent: the answers
    seemed to have gone. Now the banner says "Not sent yet" again as soon as the list goes."""
    import socket

    run_id = opened(aloop, page, org.dispatch(THREE_QUESTIONS))
    cards, banner = page.runner.cards, page.runner_view.banner
    with socket.socket() as probe:  # a port no server answers on: the run's server as it is once stopped
        probe.bind(("127.0.0.1", 0))
        stopped = f"http://127.0.0.1:{probe.getsockname()[1]}"
    store = st.LocalStore(page.service.data_dir)
    try:
        store.update_run(run_id, base_url=stopped)
    finally:
        store.close()
    qtbot.mouseClick(cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: banner.isVisible() and "Not sent yet" in banner.text(), 20)
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert "2 things still missing" in banner.text()
    qtbot.mouseClick(cards["s-2"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert "1 thing still missing" in banner.text()
    qtbot.mouseClick(cards["s-3"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert banner.isVisibleTo(page.runner_view) and "Not sent yet" in banner.text()
    assert len(st_ops(page, run_id)) == 3  # nothing sent: still offline
    # Complete with nothing missing asks to confirm; turned down, the run is still unsent and says so.
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert page.runner_view.confirm_complete.isVisible()
    assert "Not sent yet" in banner.text()


FOURTEEN_QUESTIONS = {
    "name": "Fourteen questions",
    "sections": [
        {
            "id": "g-1",
            "title": "Checks",
            "steps": [
                {"id": f"s-{n}", "type": "boolean", "label": f"Question {n}", "required": True}
                for n in range(1, 15)
            ],
        }
    ],
}


def test_the_missing_list_leaves_a_short_window_its_steps_and_counts_the_rest(page, org, aloop, qtbot):
    """Eight missing things named took a third of a 1024×700 window (the page 960×610 in it), and the steps
    they link to had two cards' room. A short page names fewer, a tall one up to eight; the rest are counted."""
    opened(aloop, page, org.dispatch(FOURTEEN_QUESTIONS))
    banner = page.runner_view.banner
    named_at = {}
    for width, height in ((960, 610), (1100, 1200)):
        page.resize(width, height)
        QApplication.processEvents()
        qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
        QApplication.processEvents()
        named = banner.text().count("<li><a")
        assert "14 things still missing" in banner.text()
        assert f"and {14 - named} more" in banner.text()
        named_at[height] = named
        if height == 610:
            assert banner.height() <= 0.25 * page.runner_view.height()
    assert 3 <= named_at[610] < named_at[1200] == 8


def test_complete_names_what_is_missing_then_skip_and_complete(page, org, aloop, qtbot):
    run_id = opened(aloop, page, org.dispatch(CONDITIONS))
    runner, cards, banner = page.runner, page.runner.cards, page.runner_view.banner
    qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert "2 things still missing" in banner.text()
    assert "'Why not?' needs an answer" in banner.text() and "'Rate' needs an answer" in banner.text()
    assert "Extra" not in banner.text()  # optional
    assert not page.runner_view.confirm_complete.isVisible()
    # Each card missing something says so itself, until it is answered (or skipped): those of a section not
    # shown yet too, once it is.
    assert cards["s-why"].problems.text() == "'Why not?' needs an answer"
    assert "s-rate" not in cards  # its section not built yet
    banner.linkActivated.emit("s-rate")  # the link jumps to the step
    assert runner.current == 2
    assert cards["s-rate"].problems.text() == "'Rate' needs an answer"
    assert cards["s-rate"].problems.isVisibleTo(cards["s-rate"])
    tick(qtbot, cards["s-why"].skip)
    settle(aloop, page)
    assert "1 thing still missing" in banner.text() and "Why not?" not in banner.text()  # what is left
    qtbot.mouseClick(cards["s-rate"].input.buttons[5], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert runner.view.progress_text.text() == "2 of 4 answered · 1 skipped"
    assert not cards["s-rate"].problems.isVisibleTo(cards["s-rate"]) and cards["s-why"].problems.text() == ""
    assert not banner.isVisibleTo(page.runner_view)  # the list went with the last of them (it stayed on)
    assert not cards["s-why"].input.isEnabled()
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert page.runner_view.confirm_complete.isVisible()
    qtbot.mouseClick(page.runner_view.confirm_complete.ok, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert not cards["s-rate"].input.isEnabled() and not page.runner_view.complete_button.isVisible()
    wait_until(aloop, lambda: "Completed and sent" in banner.text(), 10)
    doc = org.run_doc(run_id)
    assert doc["status"] == "completed" and doc["answers"]["s-why"]["skipped"] is True


def test_photos_dropped_in_shown_removed_with_the_keyboard(page, org, aloop, qtbot, tmp_path):
    run_id = opened(aloop, page, org.dispatch(every_type()))
    strip = page.runner.cards["s-photo"].photos
    files = []
    for i, colour in enumerate(("#e03131", "#2f9e44", "#1971c2")):
        files.append(tmp_path / f"p{i}.jpg")
        files[-1].write_bytes(image_bytes(colour))
    drop(strip, files)
    problems = page.runner.cards["s-photo"].problems
    # The files are added one after another: the third is refused after the first two are shown.
    wait_until(aloop, lambda: "at most 2 photos" in problems.text(), 10)  # the third did not fit
    wait_until(aloop, lambda: len(strip.thumbs) == 2 and all(t.loaded for t in strip.thumbs), 10)
    assert not strip.add_button.isEnabled()
    strip.thumbs[0].setFocus()
    qtbot.keyClick(strip.thumbs[0], Qt.Key.Key_Delete)  # asks first, on the photo
    settle(aloop, page)
    assert len(strip.thumbs) == 2 and strip.thumbs[0].close_button.text() == "Remove?"
    qtbot.keyClick(strip.thumbs[0], Qt.Key.Key_Escape)  # kept
    assert strip.thumbs[0].close_button.text() == "×"
    qtbot.keyClick(strip.thumbs[0], Qt.Key.Key_Delete)
    qtbot.keyClick(strip.thumbs[0], Qt.Key.Key_Delete)
    settle(aloop, page)
    assert [t.index for t in strip.thumbs] == [1] and strip.add_button.isEnabled()
    synced(aloop, page, run_id)
    photos = org.run_doc(run_id)["answers"]["s-photo"]["photos"]
    assert [p["photo_index"] for p in photos] == [1]


def test_a_photos_x_asks_on_the_photo_before_it_removes_it(page, org, aloop, qtbot, tmp_path):
    """The × removed a photo at the first click, with nothing to take it back: it now asks "Remove?" on the
    photo, and only a second click removes it; clicking elsewhere keeps it."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    strip = page.runner.cards["s-photo"].photos
    photo = tmp_path / "meter.jpg"
    photo.write_bytes(image_bytes("#1864ab"))
    drop(strip, [photo])
    wait_until(aloop, lambda: len(strip.thumbs) == 1)
    activate(qtbot, page)
    thumb = strip.thumbs[0]
    qtbot.mouseClick(thumb.close_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert len(strip.thumbs) == 1 and thumb.close_button.text() == "Remove?"
    page.runner.cards["s-num"].input.edit.setFocus()  # the executor goes on elsewhere: kept
    qtbot.waitUntil(lambda: thumb.close_button.text() == "×")
    qtbot.mouseClick(thumb.close_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(thumb.close_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert strip.thumbs == []
    synced(aloop, page, run_id)
    assert not org.run_doc(run_id)["answers"].get("s-photo", {}).get("photos")


def test_keyboard_only_tab_order_sections_and_complete(page, org, aloop, qtbot):
    body = every_type()
    body["sections"].append(
        {
            "id": "g-2",
            "title": "Second",
            "steps": [{"id": "s-last", "type": "boolean", "label": "Done?", "required": False}],
        }
    )
    opened(aloop, page, org.dispatch(body))
    activate(qtbot, page)
    cards = page.runner.cards
    assert QApplication.focusWidget() is cards["s-bool"].input.buttons[True]  # focus starts on the first step
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    qtbot.keyClick(QApplication.focusWidget(), Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is cards["s-num"].input.edit  # Yes, No, then the number
    assert cards["s-num"].property("focused") is True  # the card with the focus is outlined
    qtbot.keyClick(page.runner_view, Qt.Key.Key_Right, Qt.KeyboardModifier.AltModifier)
    assert page.runner.current == 1 and QApplication.focusWidget() is cards["s-last"].input.buttons[True]
    qtbot.keyClick(page.runner_view, Qt.Key.Key_Left, Qt.KeyboardModifier.AltModifier)
    assert page.runner.current == 0
    qtbot.keyClick(page.runner_view, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    assert "missing" in page.runner_view.banner.text()
    qtbot.keyClick(page.runner_view, Qt.Key.Key_Escape)
    assert page.stack.currentWidget() is page.inbox_view  # Esc: back to the inbox


def test_one_question_at_a_time_complete_or_give_up(page, org, aloop, qtbot):
    """Asking to give up while "Complete this run?" is open closes that question (both open at once, the
    executor answered one with the other's buttons), and the other way round."""
    opened(aloop, page, org.dispatch(every_type()))
    view = page.runner_view
    view.confirm_complete.ask()  # what Complete shows once nothing is missing
    qtbot.mouseClick(view.exit_button, Qt.MouseButton.LeftButton)
    assert view.confirm_exit.isVisible() and not view.confirm_complete.isVisible()
    view.confirm_complete.ask()
    assert view.confirm_complete.isVisible() and not view.confirm_exit.isVisible()


def test_giving_up_a_run_tells_the_server(page, org, aloop, qtbot):
    run_id = opened(aloop, page, org.dispatch(every_type()))
    qtbot.mouseClick(page.runner_view.exit_button, Qt.MouseButton.LeftButton)
    bar = page.runner_view.confirm_exit
    qtbot.keyClicks(bar.field, "Vehicle not there")
    qtbot.mouseClick(bar.ok, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    wait_until(aloop, lambda: "organisation has been told" in page.runner_view.banner.text(), 10)
    doc = org.run_doc(run_id)
    assert doc["status"] == "cancelled" and doc["cancel_reason"] == "executor_exited"


def test_export_asks_the_view_for_a_folder_and_the_controller_writes_it(
    page, org, aloop, qtbot, tmp_path, monkeypatch
):
    """The folder dialog is the view's (a native modal dialog cannot run offscreen: it alone is replaced); the
    controller only hears the folder and writes the run there."""
    from rundun_desktop.executor import runner_view

    run_id = opened(aloop, page, org.dispatch(every_type()))
    qtbot.mouseClick(page.runner_view.exit_button, Qt.MouseButton.LeftButton)  # a finished run offers Export
    qtbot.mouseClick(page.runner_view.confirm_exit.ok, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: page.runner_view.export_button.isVisible(), 10)
    # The server told of the exit, so its banner is said before the checks below clear it and wait for silence
    # (said after them, on a quick server, it failed the cancelled export's check).
    wait_until(aloop, lambda: "has been told" in page.runner_view.banner.text(), 10)
    asked: list[str] = []

    def choose(parent, caption, start):
        asked.append(caption)
        return str(tmp_path)

    monkeypatch.setattr(runner_view.QFileDialog, "getExistingDirectory", staticmethod(choose))
    qtbot.mouseClick(page.runner_view.export_button, Qt.MouseButton.LeftButton)
    wait_until(
        aloop,
        lambda: (tmp_path / run_id / "run.json").exists() and "Exported" in page.runner_view.banner.text(),
        10,
    )
    assert asked == ["Export the run to a folder"]

    asked.clear()
    choose_folder(monkeypatch, "")
    page.runner_view.banner.say("")
    qtbot.mouseClick(page.runner_view.export_button, Qt.MouseButton.LeftButton)  # cancelled: nothing written
    settle(aloop, page)
    assert page.runner_view.banner.text() == ""

    (tmp_path / "not-a-folder").write_text("")  # a file where the folder would be: the failure in words
    choose_folder(monkeypatch, tmp_path / "not-a-folder")
    qtbot.mouseClick(page.runner_view.export_button, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: "Could not export the run" in page.runner_view.banner.text(), 10)
    assert "Not a directory" in page.runner_view.banner.text()


def test_the_runs_own_signature_card_says_it_is_missing_and_the_banner_follows(page, org, aloop, qtbot):
    """Complete found the run's signature missing: the banner said so, its card (built with the last section,
    after Complete) did not; signed, the banner still listed it."""
    from tests.support.samples import minimal

    body = minimal(signature_on_complete=True)
    later = {"id": "s-2", "type": "text", "label": "Anything else?", "required": False}
    body["sections"].append({"id": "g-2", "title": "Last", "steps": [later]})  # the signature's, built later
    opened(aloop, page, org.dispatch(body))
    assert st.SIGNATURE_STEP not in page.runner.cards
    runner, banner = page.runner, page.runner_view.banner
    qtbot.mouseClick(runner.cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
    assert "1 thing still missing" in banner.text() and "signature" in banner.text()
    card = runner.cards[st.SIGNATURE_STEP]
    assert "signature" in card.problems.text() and card.problems.isVisibleTo(card)
    card.signature.pad.draw_stroke([(20, 120), (80, 60), (140, 110), (220, 50)])
    qtbot.mouseClick(card.signature.save_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert card.problems.text() == "" and not banner.isVisibleTo(page.runner_view)


def test_complete_keeps_a_signature_drawn_or_typed_but_not_saved(page, org, aloop, qtbot):
    """A person signs, then clicks Complete run without "Save signature" (below the pad, out of sight at
    1024×700): the signature is what they meant to give. Complete said "Your signature is needed" under the pad
    that showed it; now it saves what the pads hold, the step's drawn and the run's typed, and asks to confirm."""
    from tests.support.samples import minimal

    body = minimal(signature_on_complete=True)
    body["sections"][0]["steps"].append({"id": "s-sig", "type": "signature", "label": "Driver signs"})
    run_id = opened(aloop, page, org.dispatch(body))
    runner, view = page.runner, page.runner_view
    qtbot.mouseClick(runner.cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    runner.cards["s-sig"].signature.pad.draw_stroke([(20, 120), (80, 60), (140, 110), (220, 50)])
    qtbot.keyClicks(runner.cards[st.SIGNATURE_STEP].signature.typed, "Ada Lovelace")
    settle(aloop, page)
    assert runner.completion_problems()  # nothing saved yet: two signatures missing

    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert not view.banner.isVisibleTo(view), view.banner.text()
    assert view.confirm_complete.isVisible()
    for step_id in ("s-sig", st.SIGNATURE_STEP):  # the saved image shows where the pad was
        assert runner.cards[step_id].signature.saved.isVisibleTo(runner.cards[step_id])
    qtbot.mouseClick(view.confirm_complete.ok, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    wait_until(aloop, lambda: org.run_doc(run_id)["status"] == "completed", 10)
    doc = org.run_doc(run_id)
    assert doc["answers"]["s-sig"]["photos"][0]["url"] and doc["signature"]


def test_a_skipped_signature_step_takes_no_signature(page, org, aloop, qtbot):
    """A skipped step's pad is off, and Complete keeps no drawing left on it: the server refuses a signature for
    a skipped step, and a run read "skipped" beside a signature."""
    from tests.support.samples import minimal

    body = minimal(allow_skip=True)
    body["sections"][0]["steps"].append({"id": "s-sig", "type": "signature", "label": "Driver signs"})
    run_id = opened(aloop, page, org.dispatch(body))
    runner, view = page.runner, page.runner_view
    qtbot.mouseClick(runner.cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    card = runner.cards["s-sig"]
    card.signature.pad.draw_stroke([(20, 120), (80, 60), (140, 110)])  # drawn, then the step skipped
    tick(qtbot, card.skip)
    settle(aloop, page)
    assert not card.signature.isEnabled()
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert view.confirm_complete.isVisible()
    qtbot.mouseClick(view.confirm_complete.ok, Qt.MouseButton.LeftButton)
    wait_until(aloop, lambda: org.run_doc(run_id)["status"] == "completed", 10)
    answer = org.run_doc(run_id)["answers"]["s-sig"]
    assert answer["skipped"] is True and not answer.get("photos")


def test_complete_saves_no_signature_from_a_blank_pad(page, org, aloop, qtbot):
    """Only what a pad holds is saved: a blank one still stops Complete, named in the banner."""
    from tests.support.samples import minimal

    opened(aloop, page, org.dispatch(minimal(signature_on_complete=True)))
    runner, view = page.runner, page.runner_view
    qtbot.mouseClick(runner.cards["s-1"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    qtbot.mouseClick(view.complete_button, Qt.MouseButton.LeftButton)
    settle(aloop, page)
    assert "1 thing still missing" in view.banner.text() and "signature" in view.banner.text()
    assert not view.confirm_complete.isVisible()
    assert not runner.cards[st.SIGNATURE_STEP].signature.saved.isVisibleTo(runner.cards[st.SIGNATURE_STEP])


def test_a_section_is_done_only_once_its_steps_have_their_photos_and_location(
    page, org, aloop, qtbot, tmp_path
):
    """A step answered but short of the photos (or the location) it asks for is not done: its section read
    "✓ Car 1/1" while Complete refused the run for that very step."""
    template = {
        "name": "Parked",
        "sections": [
            {
                "id": "g-car",
                "title": "Car",
                "steps": [
                    {"id": "s-parked", "type": "boolean", "label": "Parked?", "photo": {"min": 1, "max": 2}}
                ],
            }
        ],
    }
    opened(aloop, page, org.dispatch(template))
    cards, sections = page.runner.cards, page.runner_view.sections
    qtbot.mouseClick(cards["s-parked"].input.buttons[True], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    # The answer is given, but not the photo it asks for: the header says so too (it read "1 of 1 answered"
    # above a section's "0/1").
    assert page.runner.view.progress_text.text() == "1 of 1 answered · 1 still incomplete"
    assert sections.item(0).text() == "Car   0/1"
    photo = tmp_path / "parked.jpg"
    photo.write_bytes(image_bytes("#2f9e44"))
    drop(cards["s-parked"].photos, [photo])
    wait_until(aloop, lambda: sections.item(0).text() == "✓  Car   1/1", 10)
    assert page.runner.view.progress_text.text() == "1 of 1 answered"


def test_what_complete_finds_missing_is_said_in_the_apps_language(page, org, aloop, qtbot, compiled_catalogs):
    """The banner's heading was German and its list English ("'Why not?' needs an answer")."""
    translation = i18n.Translation()
    assert translation.install(QApplication.instance(), "de", compiled_catalogs)
    try:
        opened(aloop, page, org.dispatch(CONDITIONS))
        cards, banner = page.runner.cards, page.runner_view.banner
        qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
        settle(aloop, page)
        qtbot.mouseClick(page.runner_view.complete_button, Qt.MouseButton.LeftButton)
        assert "„Why not?“ braucht eine Antwort" in banner.text() and "needs" not in banner.text()
        assert cards["s-why"].problems.text() == "„Why not?“ braucht eine Antwort"
    finally:
        translation.remove(QApplication.instance())
        i18n.TRANSLATION.install(QApplication.instance(), "en")
        QLocale.setDefault(QLocale.system())


def test_a_box_ticked_past_the_most_allowed_stays_shown_unsaved_and_holds_back_complete(
    page, org, aloop, qtbot
):
    """A third box ticked where 2 is the most: it stayed ticked while the chip said "Synced", the step counted
    done and only two were kept (two shown after a restart). Now the three shown are "not saved yet", the step
    is not counted, Complete names it, and unticking one saves the two left."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    cards, runner = page.runner.cards, page.runner
    multi = cards["s-multi"]
    tick(qtbot, multi.input.boxes["o-x"])
    tick(qtbot, multi.input.boxes["o-y"])
    settle(aloop, page)
    assert runner.view.progress_text.text().startswith("1 of ")
    tick(qtbot, multi.input.boxes["o-z"])
    settle(aloop, page)
    assert [b.isChecked() for b in multi.input.boxes.values()] == [True, True, True]  # as ticked
    assert multi.problems.text() == "must select at most 2 options"
    assert multi.chip.text() == "✎ Not saved yet"
    assert runner.view.progress_text.text().startswith("0 of ")  # not counted done
    synced(aloop, page, run_id)
    assert multi.chip.text() == "✎ Not saved yet"  # the sync of what was kept does not say "Synced"
    runner.ask_complete()
    assert "'Damage': must select at most 2 options" in runner.view.banner.text()
    assert multi.problems.text() == "'Damage': must select at most 2 options"
    tick(qtbot, multi.input.boxes["o-x"])  # unticked: two left, saved
    settle(aloop, page)
    assert multi.chip.text() != "✎ Not saved yet" and not runner.invalid
    assert runner.view.progress_text.text().startswith("1 of ")
    synced(aloop, page, run_id)
    assert org.values(run_id)["s-multi"] == ["o-y", "o-z"]


def test_a_skip_ticked_by_accident_and_unticked_gives_the_typed_answer_back(page, org, aloop, qtbot):
    """Tab from a text field lands on "Skip this step" and the first space typed ticks it: the answer was
    erased for good (the server's history: the value, then skipped, then null). Now unticking brings it back."""
    run_id = opened(aloop, page, org.dispatch(CONDITIONS))
    cards = page.runner.cards
    activate(qtbot, page)
    qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
    settle(aloop, page)
    why = cards["s-why"]
    why.input.edit.setFocus()
    qtbot.keyClicks(why.input.edit, "soak test")
    qtbot.keyClick(why.input.edit, Qt.Key.Key_Tab)
    assert QApplication.focusWidget() is why.skip
    qtbot.keyClick(why.skip, Qt.Key.Key_Space)  # ticked: the skip is what is sent
    settle(aloop, page)
    assert why.skip.isChecked() and why.input.text() == ""
    synced(aloop, page, run_id)
    assert org.run_doc(run_id)["answers"]["s-why"]["skipped"] is True
    qtbot.keyClick(why.skip, Qt.Key.Key_Space)  # unticked: the answer comes back, and is sent again
    settle(aloop, page)
    assert not why.skip.isChecked() and why.input.text() == "soak test"
    synced(aloop, page, run_id)
    assert org.values(run_id)["s-why"] == "soak test"


def test_skipping_a_step_whose_answer_is_refused_sets_aside_the_answer_on_screen(page, org, aloop, qtbot):
    """12 saved, then 150 typed where 100 is the most ("✎ Not saved yet"), then "Skip this step": unticking gave
    back 12, the answer saved before, not the 150 the person had in front of them. What comes back is what was
    shown, refused and not saved as before (it is never sent), and a restart keeps it so."""
    run_id = opened(aloop, page, org.dispatch({**every_type(), "settings": {"allow_skip": True}}))
    num = page.runner.cards["s-num"]
    type_into(qtbot, num.input.edit, "12")
    settle(aloop, page)
    type_into(qtbot, num.input.edit, "150")
    settle(aloop, page)
    assert num.chip.text() == "✎ Not saved yet"
    tick(qtbot, num.skip)
    settle(aloop, page)
    assert num.skip.isChecked() and num.input.edit.text() == "" and not num.problems.isVisible()
    tick(qtbot, num.skip)
    settle(aloop, page)
    assert not num.skip.isChecked() and num.input.edit.text() == "150"
    assert num.chip.text() == "✎ Not saved yet" and num.problems.text() == "must be at most 100"
    assert "s-num" in page.runner.invalid
    synced(aloop, page, run_id)
    sent = org.run_doc(run_id)["answers"]["s-num"]
    assert sent["skipped"] is False and sent["value"] is None  # the skip ended; 150 is never sent
    store = st.LocalStore(page.service.data_dir)
    try:
        assert store.drafts(run_id, st.HELD) == {"s-num": (150, None)}  # shown again after a restart
    finally:
        store.close()


def test_enter_in_the_give_up_reason_gives_the_run_up_with_it(qtbot):
    """Enter in "Why (optional)" did nothing; only the button worked."""
    from rundun_desktop.executor.runner_view import ConfirmBar

    bar = ConfirmBar("Give up this run?", "Give up the run", danger=True, field="Why (optional)")
    qtbot.addWidget(bar)
    bar.ask()
    with qtbot.waitSignal(bar.confirmed, timeout=5000) as said:
        qtbot.keyClicks(bar.field, "Vehicle not there")
        qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert said.args == ["Vehicle not there"]


def test_the_photo_dialog_opens_where_the_last_photos_came_from(qtbot, tmp_path, monkeypatch):
    """It opened in the home folder every time: the worker found the camera's folder again for each photo."""
    from rundun_desktop.executor.widgets import photos

    camera = tmp_path / "DCIM"
    camera.mkdir()
    started: list[str] = []

    def dialog(parent, title, folder, file_filter):
        started.append(folder)
        return [str(camera / "p1.jpg")], file_filter

    monkeypatch.setattr(photos.QFileDialog, "getOpenFileNames", staticmethod(dialog))
    monkeypatch.setattr(photos, "_last_folder", None, raising=False)
    strip = photos.PhotoStrip(1, 3)
    qtbot.addWidget(strip)
    strip.choose_files()
    strip.choose_files()
    assert started[1] == str(camera)


def yes_no(page, step_id: str) -> list[str]:
    return [b.text() for b in page.runner.cards[step_id].input.buttons.values()]


def test_yes_and_no_follow_the_runs_language_the_chrome_the_apps(page, org, aloop, qtbot, speak):
    """A run opened in German inside an English app said "Yes"/"No" among its German steps: a checklist's own
    words are the run's language (as on the phone), the app's chrome stays the app's. English, tdl's default
    that a template never given its languages carries whatever it is written in, leaves them the app's."""

    def only_in(tag: str, name: str, label: str) -> dict:
        step = {"id": "s-ok", "type": "boolean", "label": label}
        section = {"id": "g-1", "title": name, "steps": [step]}
        return {"name": name, "languages": [tag], "settings": {"allow_skip": True}, "sections": [section]}

    opened(aloop, page, org.dispatch(only_in("de", "Kesselprüfung", "Alles gut?")))
    assert yes_no(page, "s-ok") == ["Ja", "Nein"]
    assert page.runner.cards["s-ok"].skip.text() == "Skip this step"  # the app's
    speak("de")
    opened(aloop, page, org.dispatch(only_in("es-MX", "Revisión", "¿Todo bien?")))
    assert yes_no(page, "s-ok") == ["Sí", "No"]
    assert page.runner.cards["s-ok"].skip.text() == "Diesen Schritt überspringen"
    opened(aloop, page, org.dispatch(CONDITIONS))  # languages unset: English by default
    assert yes_no(page, "s-ok") == ["Ja", "Nein"]


def restarted(page, client, aloop, qtbot, run_id: str):
    """The app closed and started again on the same store, the run shown: a new page, a new store connection."""
    from rundun_desktop.executor import ExecutorPage
    from tests.desktop.executor.conftest import FAST

    data_dir = page.service.data_dir
    run(aloop, page.aclose())
    again = ExecutorPage(client, data_dir=data_dir, sync_config=FAST)
    qtbot.addWidget(again)
    again.resize(1100, 820)
    again.show()
    run(aloop, again.show_run(run_id))
    return again


def test_an_answer_set_aside_by_skip_comes_back_after_a_restart(page, client, org, aloop, qtbot):
    """ "Skip this step" kept the typed answer aside in memory only: quitting (or a crash) before unticking lost
    it. It is kept in the local store now, never sent while skipped."""
    run_id = opened(aloop, page, org.dispatch(CONDITIONS))
    cards = page.runner.cards
    qtbot.mouseClick(cards["s-ok"].input.buttons[False], Qt.MouseButton.LeftButton)
    type_into(qtbot, cards["s-why"].input.edit, "soak test")
    settle(aloop, page)
    tick(qtbot, cards["s-why"].skip)
    settle(aloop, page)
    synced(aloop, page, run_id)
    sent = org.run_doc(run_id)["answers"]["s-why"]
    assert sent["skipped"] is True and sent["value"] is None  # never sent while skipped
    again = restarted(page, client, aloop, qtbot, run_id)
    try:
        why = again.runner.cards["s-why"]
        assert why.skip.isChecked() and why.input.text() == ""
        tick(qtbot, why.skip)
        run(aloop, again.runner.settle())
        assert not why.skip.isChecked() and why.input.text() == "soak test"
        wait_until(aloop, lambda: org.values(run_id).get("s-why") == "soak test", 10)
    finally:
        run(aloop, again.aclose())


def test_an_answer_its_checks_refuse_is_shown_again_after_a_restart(page, client, org, aloop, qtbot):
    """500 typed where 100 is the most showed "✎ Not saved yet"; quitting lost it without a word. It is kept
    here (never sent) and shown again, refused and unsaved, until it is put right."""
    run_id = opened(aloop, page, org.dispatch(every_type()))
    num = page.runner.cards["s-num"]
    type_into(qtbot, num.input.edit, "150")
    settle(aloop, page)
    assert num.chip.text() == "✎ Not saved yet"
    words = num.problems.text()
    again = restarted(page, client, aloop, qtbot, run_id)
    try:
        runner = again.runner
        num = runner.cards["s-num"]
        assert num.input.edit.text() == "150" and num.chip.text() == "✎ Not saved yet"
        assert num.problems.text() == words and "s-num" in runner.invalid
        runner.ask_complete()
        assert f"'Km': {words}" in runner.view.banner.text()
        type_into(qtbot, num.input.edit, "12")
        run(aloop, runner.settle())
        assert num.chip.text() != "✎ Not saved yet" and "s-num" not in runner.invalid
        wait_until(aloop, lambda: org.values(run_id).get("s-num") == 12, 10)
    finally:
        run(aloop, again.aclose())
    store = st.LocalStore(page.service.data_dir)
    try:
        assert store.drafts(run_id, st.HELD) == {}  # put right: not kept any more
    finally:
        store.close()


def test_answers_their_checks_refuse_are_said_not_saved_in_the_sync_bar_and_the_inbox(
    page, org, aloop, qtbot
):
    """150 where 100 is the most is held "✎ Not saved yet", on this computer only: the sync bar said "Online ·
    everything is synced" and the Inbox "All synced" while Complete named it. They say it is not saved now (a
    second one counted), until each is put right."""
    from rundun_desktop.executor.inbox_model import COL_HERE

    run_id = opened(aloop, page, org.dispatch(every_type()))
    cards, bar, model = page.runner.cards, page.sync_bar.words, page.inbox.model
    wait_until(aloop, lambda: bar.text() == "Online · everything is synced", 10)
    type_into(qtbot, cards["s-num"].input.edit, "150")
    settle(aloop, page)
    wait_until(aloop, lambda: bar.text() == "Online · 1 answer not saved: put it right to send it", 10)
    for box in ("o-x", "o-y", "o-z"):  # a third box where 2 is the most
        tick(qtbot, cards["s-multi"].input.boxes[box])
    settle(aloop, page)
    wait_until(aloop, lambda: bar.text() == "Online · 2 answers not saved: put them right to send them", 10)

    def here() -> tuple[str, str]:
        index = model.index(model.row_of(run_id), COL_HERE)
        return index.data(), index.data(Qt.ItemDataRole.ToolTipRole)

    wait_until(aloop, lambda: model.row_of(run_id) >= 0 and here()[0] == "2 answers not saved", 10)
    assert here()[1] == "2 answers not saved: put them right to send them"
    type_into(qtbot, cards["s-num"].input.edit, "12")
    tick(qtbot, cards["s-multi"].input.boxes["o-x"])
    settle(aloop, page)
    wait_until(aloop, lambda: bar.text() == "Online · everything is synced", 10)
    wait_until(aloop, lambda: here()[0] == "All synced", 10)


def test_a_location_out_of_range_is_named_in_words_on_its_card(page, org, aloop, qtbot):
    """ "geo.lat: must be a number from -90 to 90": the card named the answer's path, not the field."""
    opened(aloop, page, org.dispatch(every_type()))
    card = page.runner.cards["s-geo"]
    card.geo.enter("95", "13.4")
    settle(aloop, page)
    assert card.problems.text() == "Latitude must be a number from -90 to 90"
    assert card.chip.text() == "✎ Not saved yet"


def test_saving_a_signature_leaves_the_form_where_it_was(page, org, aloop, qtbot):
    """Save signature hid the button that had the focus; Qt gave it to the next step's control and the form
    scrolled to it (the photos card below): what the person was looking at went away."""
    opened(aloop, page, org.dispatch(every_type()))
    activate(qtbot, page)
    card = page.runner.cards["s-sig"]
    bar = page.runner_view.scroll_area.verticalScrollBar()
    page.runner.jump_to("s-sig")
    wait_until(aloop, lambda: bar.value() > 0, 5)
    card.signature.typed.setFocus()
    qtbot.keyClicks(card.signature.typed, "Ada Lovelace")
    qtbot.mouseClick(card.signature.save_button, Qt.MouseButton.LeftButton)
    where = bar.value()
    settle(aloop, page)
    assert card.signature.saved.isVisible()
    QApplication.processEvents()
    assert bar.value() == where
    assert (
        QApplication.focusWidget() is card.signature.clear_button
    )  # "Sign again": the focus stays on the card


BOTH = {
    "name": "Boiler check",
    "languages": ["en", "de"],
    "translations": {"de": {"name": "Kesselprüfung", "s-ok.label": "Alles gut?"}},
    "sections": [
        {"id": "g-1", "title": "Boiler", "steps": [{"id": "s-ok", "type": "boolean", "label": "All OK?"}]}
    ],
}


def test_a_links_lang_is_the_language_the_run_opens_in(page, org, aloop, qtbot):
    """A pasted link's `?lang=de` (the dispatcher's choice) was ignored: the phone opened the checklist in German,
    the Executor in the computer's language. It is asked for first now."""
    opened(aloop, page, org.dispatch(BOTH) + "?lang=de")
    assert page.runner.cards["s-ok"].step.label == "Alles gut?"
    assert yes_no(page, "s-ok") == ["Ja", "Nein"]


def test_a_run_opens_in_the_language_chosen_in_settings(page, org, aloop, qtbot):
    """The open asked for the system's languages only: in an app set to German (Settings → Language) on an
    English computer, a run whose template has German opened in English. The app's language is asked for first
    now, after a link's `?lang=`, which still wins."""
    app = QApplication.instance()
    assert not any(
        tag.startswith("de") for tag in QLocale.system().uiLanguages()
    )  # the computer's: not German
    try:
        i18n.install_for(app, "de")  # as the app starts with the setting
        opened(aloop, page, org.dispatch(BOTH))
        assert page.runner.cards["s-ok"].step.label == "Alles gut?"
        opened(aloop, page, org.dispatch(BOTH) + "?lang=en")
        assert page.runner.cards["s-ok"].step.label == "All OK?"
    finally:
        i18n.install_for(app, "")
        i18n.TRANSLATION.install(app, "en")
        QLocale.setDefault(QLocale.system())


def test_a_hung_server_is_said_unanswered_and_its_banner_moves_no_field(client, org, aloop, qtbot, tmp_path):
    """A server that takes connections and never answers: the bar said "Online · syncing…" for the request's
    30 s, then "Not sent yet" came above the form and moved it 80 px (a click meant for a field landed on
    another). Now the bar says the server has not answered, and the banner leaves the fields where they are."""
    import asyncio
    import dataclasses

    from rundun_desktop.executor import ExecutorPage
    from tests.desktop.executor.conftest import FAST

    async def never_answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reader.read()  # until the engine gives up on it

    silent = run(aloop, asyncio.start_server(never_answer, "127.0.0.1", 0))
    config = dataclasses.replace(FAST, request_timeout=3, slow_answer=0.2)
    page = ExecutorPage(client, data_dir=tmp_path / "hung", sync_config=config)
    qtbot.addWidget(page)
    page.resize(1100, 820)
    page.show()
    try:
        run_id = opened(aloop, page, org.dispatch(every_type()))
        synced(aloop, page, run_id)
        store = st.LocalStore(page.service.data_dir)
        try:
            store.update_run(run_id, base_url=f"http://127.0.0.1:{silent.sockets[0].getsockname()[1]}")
        finally:
            store.close()
        view, cards = page.runner_view, page.runner.cards
        view.scroll_area.verticalScrollBar().setValue(120)
        field = cards["s-date"].input.edit
        where = field.mapTo(page.window(), QPoint(0, 0))
        qtbot.mouseClick(cards["s-bool"].input.buttons[True], Qt.MouseButton.LeftButton)
        wait_until(aloop, lambda: "No answer from the server for" in page.sync_bar.words.text(), 10)
        assert "syncing" not in page.sync_bar.words.text()
        wait_until(aloop, lambda: view.banner.isVisible() and "Not sent yet" in view.banner.text(), 20)
        QApplication.processEvents()
        assert field.mapTo(page.window(), QPoint(0, 0)) == where  # under the pointer still
        # The failure under the bar's state, as wide: beside it, it wrapped in a column a word wide.
        bar = page.sync_bar
        wait_until(aloop, lambda: bar.error.isVisible() and "did not answer in time" in bar.error.text(), 10)
        assert bar.error.width() == bar.words.width()
    finally:
        run(aloop, page.aclose())
        silent.close()


def stapler(titles: list[str]) -> dict:
    """A checklist of eight yes/no steps in each of these sections."""
    steps = [{"type": "boolean", "label": "In Ordnung?"}] * 8
    return {
        "name": "Stapler",
        "sections": [
            {
                "id": f"g-{n}",
                "title": title,
                "steps": [{"id": f"s-{n}-{k}", **s} for k, s in enumerate(steps)],
            }
            for n, title in enumerate(titles)
        ],
    }


def test_a_long_section_title_wraps_in_the_section_list_with_its_count(page, org, aloop, qtbot):
    """A German library checklist's "Funktionsprüfung (Motor an)   0/8" ran past the section list's edge at
    1024 × 700, its count cut to "0/" behind a horizontal scroll bar; wrapped, "Sichtprüfung (Motor aus)   0/8"
    was measured without the rows' padding and drawn "Sichtprüfung (Motor aus)   …". Each title is whole."""
    sections = page.runner_view.sections
    opened(aloop, page, org.dispatch(stapler(["Angaben"])))
    page.runner_view.resize(1024, 700)
    page.runner_view.show()
    metrics = sections.fontMetrics()
    frame = sections.style().pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, sections) + 1
    room = sections.viewport().width() - 2 * sections.spacing() - 2 * frame - SECTION_ITEM_PADDING[0]
    # A title that fits the row only if its padding is forgotten: the one a font draws "…" in.
    title = "Sichtprüfung (Motor aus)"
    while metrics.horizontalAdvance(f"{title}   0/8") <= room:
        title += "i"
    titles = ["Angaben", title, "Funktionsprüfung (Motor an, Feststellbremse gelöst)"]
    opened(aloop, page, org.dispatch(stapler(titles)))
    wait_until(aloop, lambda: sections.count() == 3 and sections.item(2).text().endswith("0/8"), 10)
    assert sections.horizontalScrollBar().maximum() == 0
    for row in range(sections.count()):
        text, rect = sections.item(row).text(), sections.visualItemRect(sections.item(row))
        assert rect.right() <= sections.viewport().width()
        one_line = metrics.horizontalAdvance(text) <= room
        assert one_line or rect.height() >= 2 * metrics.height() + SECTION_ITEM_PADDING[1], text
