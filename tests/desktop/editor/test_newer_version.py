"""A version of the open template made elsewhere (here through the API, as another supervisor or the
generator would) is noticed when the editor comes back into sight and on F5: loaded in place when
nothing is unsaved, offered in a notice (the draft untouched) when something is."""

from __future__ import annotations

from PySide6.QtCore import Qt

from tests.support.samples import vehicle_inspection

from .conftest import Driver, open_saved, until


def selected_id(d: Driver):
    return d.ctl.doc.node(d.ctl.current_uid()).tdl_id


def test_a_newer_version_loads_in_place_when_nothing_is_unsaved(drive: Driver, page, client, aloop):
    d = drive
    tid = open_saved(aloop, client, page, vehicle_inspection())["id"]
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)
    aloop.run_until_complete(
        client.patch_template(tid, {"name": "Vehicle check (edited elsewhere)"}, if_match=1)
    )
    d.key(d.view.tree, Qt.Key.Key_F5)
    until(aloop, lambda: page.saver.version == 2, 10)
    assert d.ctl.doc.meta["name"] == "Vehicle check (edited elsewhere)" and not page.saver.dirty
    assert d.view.message.text() == "Updated to v2, made elsewhere"
    assert selected_id(d) == "s-fu01" and d.view.version.text() == "v2 · saved"
    assert not d.view.newer_bar.isVisible()

    aloop.run_until_complete(client.patch_template(tid, {"description": "Changed again"}, if_match=2))
    page.hide()  # another page of the app, then this one again
    page.show()
    until(aloop, lambda: page.saver.version == 3, 10)
    assert d.ctl.doc.meta["description"] == "Changed again" and selected_id(d) == "s-fu01"
    assert d.view.message.text() == "Updated to v3, made elsewhere"
    d.type(d.step_panel.label_edit, "Fuel gauge")  # the designer's own change: the news is old
    assert d.view.message.text() == "" and page.saver.dirty


def test_a_newer_version_never_touches_unsaved_changes_and_is_offered(
    drive: Driver, page, client, aloop, answers
):
    d = drive
    tid = open_saved(aloop, client, page, vehicle_inspection())["id"]
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)
    d.type(d.step_panel.label_edit, "Fuel gauge")
    aloop.run_until_complete(
        client.patch_template(tid, {"name": "Vehicle check (edited elsewhere)"}, if_match=1)
    )

    d.key(d.view.tree, Qt.Key.Key_F5)
    until(aloop, lambda: d.view.newer_bar.isVisible(), 10)
    assert "Version 2 was made elsewhere while you edit version 1" in d.view.newer_text.text()
    assert page.saver.version == 1 and page.saver.dirty and answers.asked == []
    assert d.ctl.doc.find_step("s-fu01").data["label"] == "Fuel gauge"
    assert d.ctl.doc.meta["name"] == "Vehicle pre-rental inspection"

    answers.conflict = "cancel"  # looked at, kept editing
    d.click(d.view.newer_look_button)
    until(aloop, lambda: len(answers.asked) == 1, 10)
    [(name, (mine, theirs, changes))] = answers.asked
    assert (name, mine, theirs) == ("conflict", 1, 2)
    assert changes == ["Name: “Vehicle pre-rental inspection” → “Vehicle check (edited elsewhere)”"]
    assert page.saver.dirty and d.ctl.doc.find_step("s-fu01").data["label"] == "Fuel gauge"

    d.click(d.view.newer_keep_button)  # decide at Save, as before: not asked again for this version
    assert not d.view.newer_bar.isVisible()
    aloop.run_until_complete(page.newer.check())
    assert not d.view.newer_bar.isVisible() and page.saver.dirty

    aloop.run_until_complete(client.patch_template(tid, {"description": "Changed again"}, if_match=2))
    d.key(d.view.tree, Qt.Key.Key_F5)  # a newer one still is told
    until(aloop, lambda: d.view.newer_bar.isVisible(), 10)
    assert "Version 3 was made elsewhere while you edit version 1" in d.view.newer_text.text()

    answers.conflict = "overwrite"  # mine over theirs, by the designer's choice
    d.click(d.view.newer_look_button)
    until(aloop, lambda: page.saver.version == 4 and not page.saver.busy, 10)
    stored = aloop.run_until_complete(client.get_template(tid))
    assert stored["v"] == 4 and stored["sections"][0]["steps"][1]["label"] == "Fuel gauge"
    assert not d.view.newer_bar.isVisible() and not page.saver.dirty


def test_a_template_deleted_elsewhere_says_so(drive: Driver, page, client, aloop):
    d = drive
    tid = open_saved(aloop, client, page, vehicle_inspection())["id"]
    d.select_node(d.ctl.doc.find_step("s-fu01").uid)
    d.type(d.step_panel.label_edit, "Fuel gauge")
    aloop.run_until_complete(client.delete_template(tid))
    d.key(d.view.tree, Qt.Key.Key_F5)
    until(aloop, lambda: d.view.newer_bar.isVisible(), 10)
    assert d.view.newer_text.text().startswith("This template was deleted elsewhere.")
    assert not d.view.newer_look_button.isVisible()
    assert d.ctl.doc.find_step("s-fu01").data["label"] == "Fuel gauge"  # the draft stays
