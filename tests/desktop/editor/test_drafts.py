"""Unsaved template changes survive a session that ends without saving them (a crash, a kill, a power cut):
they are kept on disk as they are made and offered back on the Templates page; saving or discarding them
removes what was kept. A session killed with unsaved edits lost them."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication

from rundun_desktop.editor import TemplatesPage
from rundun_desktop.editor.drafts import load_draft
from rundun_desktop.editor.editor_view import EditorView
from tests.desktop.conftest import run, wait_until
from tests.support.samples import minimal, vehicle_inspection

from .conftest import Driver


def next_session(desktop, qtbot, aloop) -> TemplatesPage:
    """The Templates page as the next start of the app builds it (the same data dir)."""
    page = TemplatesPage(desktop.api, None, desktop.paths.editor_draft_file)
    qtbot.addWidget(page)
    page.resize(1400, 860)
    page.show()
    wait_until(aloop, lambda: page.list.loaded, 10)
    return page


def editing(desktop, qtbot, aloop, template: dict) -> tuple[TemplatesPage, Driver]:
    desktop.window.show_page("templates")
    page = desktop.window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    assert run(aloop, page.open(template["id"]))
    return page, Driver(qtbot, aloop, page)


def rename(d: Driver, name: str) -> None:
    d.click(d.view.middle.tabBar(), d.view.middle.tabBar().tabRect(1).center())
    d.type(d.view.template_panel.name_edit, name)


def test_changes_not_saved_when_the_app_ended_are_offered_back_and_saved_over_their_version(
    desktop, qtbot, aloop
):
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    page, d = editing(desktop, qtbot, aloop, created)
    kept = desktop.paths.editor_draft_file
    rename(d, "Van handover")
    wait_until(aloop, lambda: (draft := load_draft(kept)) is not None and draft.name == "Van handover", 10)
    draft = load_draft(kept)
    assert (draft.template_id, draft.version, draft.server) == (created["id"], 1, desktop.api.base_url)

    # The app is killed here (nothing saved, nothing asked); the next session offers the changes back.
    later = next_session(desktop, qtbot, aloop)
    wait_until(aloop, lambda: later.list_view.draft_bar.isVisible(), 10)
    assert "“Van handover” has changes that were not saved" in later.list_view.draft_text.text()
    assert later.findChildren(EditorView) == []  # offered from the list: the editor is built on recovering
    Driver(qtbot, aloop, later).click(later.list_view.recover_button)
    wait_until(aloop, lambda: later.editing, 10)
    assert later.saver.dirty and later.editor.doc.meta["name"] == "Van handover"
    assert (later.saver.template_id, later.saver.version) == (created["id"], 1)
    later.editor.stack.undo()  # one change over the version they were made to
    assert later.editor.doc.meta["name"] == created["name"] and not later.saver.dirty
    later.editor.stack.redo()
    assert run(aloop, later.saver.save())
    saved = run(aloop, desktop.api.get_template(created["id"]))
    assert (saved["name"], saved["v"]) == ("Van handover", 2)
    wait_until(aloop, lambda: not kept.exists(), 10)  # saved: nothing left to offer
    page.saver.never_saved = False  # the first session's editor, still open here, is not asked about
    page.editor.stack.setClean()
    QApplication.processEvents()


def test_every_change_replaces_the_kept_draft_not_only_the_first(desktop, qtbot, aloop):
    """The draft was written with the content-addressed files' writer, which leaves a file that exists as it
    is: after a save, only the first change was kept, and a crash lost every change after it."""
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    page, d = editing(desktop, qtbot, aloop, created)
    kept = desktop.paths.editor_draft_file
    rename(d, "First change")
    wait_until(aloop, lambda: (draft := load_draft(kept)) is not None and draft.name == "First change", 10)
    steps = sum(len(section["steps"]) for section in page.editor.doc.to_tdl()["sections"])
    d.key(d.view.tree, Qt.Key.Key_N, Qt.KeyboardModifier.ControlModifier)  # a new step
    rename(d, "Second change")
    wait_until(aloop, lambda: load_draft(kept).name == "Second change", 10)
    body = load_draft(kept).body
    assert sum(len(section["steps"]) for section in body["sections"]) == steps + 1
    page.editor.stack.setClean()


def test_discarded_changes_are_not_kept_nor_offered_and_a_new_template_comes_back_new(desktop, qtbot, aloop):
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    page, d = editing(desktop, qtbot, aloop, created)
    kept = desktop.paths.editor_draft_file
    rename(d, "Not this")
    wait_until(aloop, kept.exists, 10)

    async def discard(_name: str) -> str:
        return "discard"

    page.prompter.unsaved = discard
    assert run(aloop, page.leave_editor())
    assert not kept.exists()
    later = next_session(desktop, qtbot, aloop)
    run(aloop, later.offer_draft())
    assert not later.list_view.draft_bar.isVisible()

    # A template never saved: kept, offered, discarded from the offer; kept again, recovered as new.
    page.open_body(minimal("Fresh one"))
    rename(d, "Fresh two")
    wait_until(aloop, lambda: (draft := load_draft(kept)) is not None and draft.name == "Fresh two", 10)
    assert load_draft(kept).template_id is None
    later = next_session(desktop, qtbot, aloop)
    wait_until(aloop, lambda: later.list_view.draft_bar.isVisible(), 10)
    Driver(qtbot, aloop, later).click(later.list_view.discard_draft_button)
    assert not kept.exists() and not later.list_view.draft_bar.isVisible()

    rename(d, "Fresh three")
    wait_until(aloop, kept.exists, 10)
    again = next_session(desktop, qtbot, aloop)
    wait_until(aloop, lambda: again.list_view.draft_bar.isVisible(), 10)
    Driver(qtbot, aloop, again).click(again.list_view.recover_button)
    wait_until(aloop, lambda: again.editing, 10)
    assert again.saver.never_saved and again.saver.template_id is None
    assert again.editor.doc.meta["name"] == "Fresh three"
    for session in (page, again):  # not asked about at the end of the test
        session.saver.never_saved = False
        session.editor.stack.setClean()


def test_recovered_changes_stay_kept_until_saved_and_undoing_them_all_keeps_nothing(desktop, qtbot, aloop):
    """Recovering opened the version (a clean stack: the kept file was removed) and then laid the changes
    over it, which the keeper took for clean too: the recovered changes, unsaved, were no longer kept."""
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    page, d = editing(desktop, qtbot, aloop, created)
    kept = desktop.paths.editor_draft_file
    rename(d, "Kept twice")
    wait_until(aloop, kept.exists, 10)
    later = next_session(desktop, qtbot, aloop)
    wait_until(aloop, lambda: later.list_view.draft_bar.isVisible(), 10)
    Driver(qtbot, aloop, later).click(later.list_view.recover_button)
    wait_until(aloop, lambda: later.editing and later.drafts.writes == 1, 10)
    assert kept.exists() and load_draft(kept).name == "Kept twice"
    later.editor.stack.undo()  # back to the version on the server: nothing left to keep
    wait_until(aloop, lambda: not kept.exists(), 10)
    for session in (page, later):
        session.editor.stack.setClean()


def test_a_closing_app_writes_no_draft_after_it(desktop, qtbot, aloop):
    """An app closed a moment after an edit: its keeper's timer fired later, with no loop left to run the
    write, and raised in whatever ran Qt's events next (another test's set-up, in CI)."""
    created = run(aloop, desktop.api.create_template(vehicle_inspection()))
    page, d = editing(desktop, qtbot, aloop, created)
    rename(d, "Closing")
    assert page.drafts._timer.isActive()
    desktop.window.shutdown()
    assert not page.drafts._timer.isActive()
    page.drafts._keep_soon()  # Qt's events with no loop running: nothing to run a write, and no error
    page.editor.stack.setClean()
