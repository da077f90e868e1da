"""Saving through the real server: POST then PATCH with the version shown, version conflicts detected
and resolved only by the designer's choice, the unsaved-changes guard, and the versions diff."""

from __future__ import annotations

from PySide6.QtCore import Qt

from rundun_desktop import formatting as fmt
from rundun_desktop.editor.doc import strip_server_fields
from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until


def save(d: Driver, aloop) -> None:
    d.click(d.view.save_button)
    until(aloop, lambda: not d.page.saver.busy and d.view.save_button.isEnabled(), 10)
    d.pump()


def test_new_template_posts_then_patches_showing_the_version(drive: Driver, page, client, aloop):
    d = drive
    d.click(page.list_view.new_button)
    assert d.view.version.text() == "not saved yet" and page.saver.dirty
    d.key(d.view.tree, Qt.Key.Key_S, Qt.KeyboardModifier.ControlModifier)  # Ctrl+S
    until(aloop, lambda: page.saver.version == 1, 10)
    assert d.view.version.text() == "v1 · saved" and not page.saver.dirty
    d.select_node(d.ctl.doc.sections[0].steps[0].uid)
    d.type(d.step_panel.label_edit, "Everything in order?")
    assert d.view.version.text() == "v1 · unsaved changes"
    save(d, aloop)
    assert page.saver.version == 2 and d.view.version.text() == "v2 · saved"
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    assert stored["v"] == 2 and stored["sections"][0]["steps"][0]["label"] == "Everything in order?"


def test_a_version_conflict_is_detected_and_never_overwritten_silently(
    drive: Driver, page, client, aloop, answers
):
    d = drive
    created = open_saved(aloop, client, page, vehicle_inspection())
    tid = created["id"]
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)
    d.type(d.step_panel.label_edit, "Fuel gauge")
    # Someone else saves version 2 meanwhile.
    aloop.run_until_complete(
        client.patch_template(tid, {"name": "Vehicle check (edited elsewhere)"}, if_match=1)
    )

    answers.conflict = "cancel"
    save(d, aloop)
    [(name, (mine, theirs, changes))] = answers.asked
    assert (name, mine, theirs) == ("conflict", 1, 2)
    assert changes == ["Name: “Vehicle pre-rental inspection” → “Vehicle check (edited elsewhere)”"]
    assert d.view.banner.isVisible() and "version 2" in d.view.banner_text.text()
    assert page.saver.version == 1 and page.saver.dirty
    server = aloop.run_until_complete(client.get_template(tid))
    assert server["v"] == 2 and server["name"] == "Vehicle check (edited elsewhere)"
    d.view.grab().save("/tmp/rundun-editor-conflict.png")

    answers.conflict = "overwrite"  # the designer chooses to keep theirs out
    save(d, aloop)
    server = aloop.run_until_complete(client.get_template(tid))
    assert server["v"] == 3 and page.saver.version == 3 and not page.saver.dirty
    assert server["sections"][0]["steps"][1]["label"] == "Fuel gauge"
    assert server["name"] == "Vehicle pre-rental inspection"
    assert not d.view.banner.isVisible()

    aloop.run_until_complete(client.patch_template(tid, {"description": "Changed again"}, if_match=3))
    d.type(d.step_panel.label_edit, "Fuel")
    answers.conflict = "reload"  # now the designer takes theirs
    save(d, aloop)
    assert page.saver.version == 4 and not page.saver.dirty
    assert d.ctl.doc.meta["description"] == "Changed again"
    assert d.ctl.doc.find_step("s-fu01").data["label"] == "Fuel gauge"
    assert aloop.run_until_complete(client.get_template(tid))["v"] == 4


def test_the_unsaved_changes_guard(drive: Driver, page, client, aloop, answers):
    d = drive
    created = open_saved(aloop, client, page, vehicle_inspection())
    d.click(d.view.back_button)  # clean: no question
    until(aloop, lambda: not page.editing, 5)
    assert answers.asked == []
    aloop.run_until_complete(page.open(created["id"]))
    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "Mileage")
    assert page.has_unsaved_changes()

    answers.unsaved = "cancel"
    d.click(d.view.back_button)
    until(aloop, lambda: answers.asked, 5)
    d.pump()
    assert page.editing and d.step_panel.label_edit.text() == "Mileage"

    answers.unsaved = "save"
    d.click(d.view.back_button)
    until(aloop, lambda: not page.editing, 10)
    assert aloop.run_until_complete(client.get_template(created["id"]))["v"] == 2
    until(aloop, lambda: page.list.model.rowCount() == 1 and page.list.model.rows[0]["v"] == 2, 5)

    aloop.run_until_complete(page.open(created["id"]))
    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "Kilometres")
    answers.unsaved = "discard"
    assert aloop.run_until_complete(page.confirm_leave())  # what the main window asks on quit
    d.click(d.view.back_button)
    until(aloop, lambda: not page.editing, 5)
    assert aloop.run_until_complete(client.get_template(created["id"]))["v"] == 2


def test_versions_list_with_a_readable_diff_and_restore(drive: Driver, page, client, aloop):
    d = drive
    created = open_saved(aloop, client, page, vehicle_inspection())
    doc = d.ctl.doc
    d.select_node(doc.find_step("s-fu01").uid)
    d.type(d.step_panel.label_edit, "Fuel gauge")
    d.click(d.step_panel.options_editor("choice").add_button)
    d.select_node(doc.find_step("s-dm02").uid)
    d.toolbar("move_down")  # into Interior
    save(d, aloop)
    assert page.saver.version == 2

    d.toolbar("versions")
    until(aloop, lambda: page.saver.versions_dialog is not None, 5)
    dialog = page.saver.versions_dialog
    until(aloop, lambda: dialog.diff.count() > 1, 5)
    lines = [dialog.diff.item(i).text().strip("• ").strip() for i in range(dialog.diff.count())]
    assert lines[0] == "From version 1 to version 2:"
    assert "Step “Fuel gauge”: label “Fuel level” → “Fuel gauge”" in lines
    assert "Step “Fuel gauge”: added option “Option 5”" in lines
    assert "Step “Describe the damage” moved from “Exterior” to “Interior”" in lines
    # Its versions in local time, as the template list says them ("… UTC" stood beside "6 Dec 5:27 PM").
    stamps = {
        v["v"]: v["created_at"] for v in aloop.run_until_complete(client.template_versions(created["id"]))
    }
    assert dialog.list.item(0).text() == f"v2  ·  {fmt.local_time(stamps[2])}"
    dialog.grab().save("/tmp/rundun-editor-versions.png")

    dialog.list.setCurrentRow(1)  # version 1
    d.click(dialog.restore_button)
    until(aloop, lambda: not dialog.isVisible(), 5)
    assert (
        strip_server_fields(aloop.run_until_complete(client.get_template(created["id"], 1))) == doc.to_tdl()
    )
    assert page.saver.dirty  # restored into the editor, not yet saved as version 3
    d.ctl.stack.undo()
    assert doc.find_step("s-fu01").data["label"] == "Fuel gauge"


def test_a_long_label_in_a_versions_change_line_is_cut_with_the_whole_in_its_tooltip(qapp):
    """A 500-character label came twice a line, a screenful each."""
    from rundun_desktop.editor.versions_dialog import VersionsDialog

    dialog = VersionsDialog([{"v": 2, "created_at": "2026-12-06T17:20:00Z"}, {"v": 1, "created_at": None}])
    long = "Damage " * 70
    line = f"Step “{long}”: label “{long}” → “Short”"
    dialog.show_diff(1, 2, [line])
    item = dialog.diff.item(1)
    assert item.text() == f"  • Step “{long[:80]}…”: label “{long[:80]}…” → “Short”"
    assert item.toolTip() == line
    dialog.deleteLater()
