"""The template list on the real server: search, tags, version and last update; new, duplicate,
delete (confirmed), import and export `.json`, and opening a template in the editor."""

from __future__ import annotations

import json

from PySide6.QtCore import Qt

from rundun_desktop import formatting as fmt
from rundun_desktop.editor.list_model import COL_NAME, COL_TAGS, COL_UPDATED, COL_VERSION, TemplateListModel
from tests.desktop.conftest import right_to_left_option
from tests.support.samples import minimal, str_turnover, vehicle_inspection

from .conftest import Driver, until


def names(page) -> list[str]:
    model = page.list.model
    return [model.index(r, COL_NAME).data() for r in range(model.rowCount())]


def select_row(d: Driver, row: int) -> None:
    table = d.page.list_view.table
    d.click(table.viewport(), table.visualRect(table.model().index(row, COL_NAME)).center())


def test_list_search_tags_and_columns(drive: Driver, page, client, aloop):
    d = drive
    for body in (vehicle_inspection(), str_turnover(), minimal("Boiler room")):
        aloop.run_until_complete(client.create_template(body))
    aloop.run_until_complete(page.list.load())
    assert sorted(names(page)) == ["Boiler room", "STR turnover check", "Vehicle pre-rental inspection"]
    model = page.list.model
    row = names(page).index("STR turnover check")
    assert model.index(row, COL_TAGS).data() == "STR, cleaning"
    assert model.index(row, COL_VERSION).data() == "v1"
    updated = model.rows[row]["updated_at"]  # in local time, as the runs table writes it (it was UTC)
    assert model.index(row, COL_UPDATED).data() == fmt.short_time(updated) != updated[:16].replace("T", " ")
    tags = [page.list_view.tag.itemText(i) for i in range(page.list_view.tag.count())]
    assert tags == ["All tags", "cleaning", "inspection", "rental", "STR", "vehicle"]

    d.type(page.list_view.search, "turnover")
    until(aloop, lambda: names(page) == ["STR turnover check"], 5)
    d.type(page.list_view.search, "")
    until(aloop, lambda: len(names(page)) == 3, 5)
    d.choose(page.list_view.tag, "vehicle")
    until(aloop, lambda: names(page) == ["Vehicle pre-rental inspection"], 5)
    page.list_view.grab().save("/tmp/rundun-editor-list.png")
    d.choose(page.list_view.tag, "")
    until(aloop, lambda: len(names(page)) == 3, 5)


def test_a_search_that_finds_nothing_says_so(drive: Driver, page, client, aloop):
    """A search that found no template left a blank table (only "0 templates" in small grey letters at the
    foot), which read as a list still loading or broken. The list now says that nothing matches."""
    d = drive
    aloop.run_until_complete(client.create_template(vehicle_inspection()))
    aloop.run_until_complete(page.list.load())
    view = page.list_view
    d.type(view.search, "boiler")
    until(aloop, lambda: names(page) == [] and view.no_match.isVisible(), 5)
    assert view.no_match.text() == "No template matches the search or the tag chosen."
    assert not view.table.isVisible() and not view.empty.isVisible()  # not the first-template page either
    d.type(view.search, "")
    until(aloop, lambda: len(names(page)) == 1 and view.table.isVisible(), 5)
    assert not view.no_match.isVisible()


def test_new_duplicate_delete(drive: Driver, page, client, aloop, answers):
    d = drive
    created = aloop.run_until_complete(client.create_template(vehicle_inspection()))
    aloop.run_until_complete(page.list.load())
    select_row(d, 0)
    d.click(page.list_view.buttons["duplicate"])
    until(aloop, lambda: len(names(page)) == 2, 5)
    assert "Copy of Vehicle pre-rental inspection" in names(page)
    copy_id = page.list.selected_id()
    assert copy_id != created["id"]
    copy = aloop.run_until_complete(client.get_template(copy_id))
    assert copy["sections"] == aloop.run_until_complete(client.get_template(created["id"]))["sections"]

    answers.delete = False  # the designer changes their mind
    d.click(page.list_view.buttons["delete"])
    until(aloop, lambda: answers.asked, 5)
    d.pump()
    assert len(names(page)) == 2
    answers.delete = True
    d.click(page.list_view.buttons["delete"])
    until(aloop, lambda: len(names(page)) == 1, 5)
    assert [name for name, _ in answers.asked] == ["confirm_delete", "confirm_delete"]
    assert answers.asked[1][1] == ("Copy of Vehicle pre-rental inspection",)
    assert names(page) == ["Vehicle pre-rental inspection"]

    d.click(page.list_view.new_button)
    assert page.editing
    assert [s.data["title"] for s in d.ctl.doc.sections] == ["Section 1"]


def test_import_export_and_open(drive: Driver, page, client, aloop, answers, tmp_path):
    d = drive
    source = tmp_path / "in.json"
    source.write_text(json.dumps(str_turnover()))
    answers.open_path = str(source)
    d.click(page.list_view.buttons["import"])
    until(aloop, lambda: page.editing, 5)
    assert d.ctl.doc.to_tdl() == str_turnover() and page.saver.template_id is None
    assert d.view.version.text() == "not saved yet"
    d.click(d.view.save_button)
    until(aloop, lambda: page.saver.version == 1, 10)
    d.click(d.view.back_button)
    until(aloop, lambda: not page.editing and names(page) == ["STR turnover check"], 5)

    target = tmp_path / "out.json"
    answers.save_path = str(target)
    select_row(d, 0)
    d.click(page.list_view.buttons["export"])
    until(aloop, target.exists, 5)
    exported = json.loads(target.read_text())
    assert "id" not in exported and "v" not in exported
    assert exported["sections"][0]["steps"][0]["id"] == "s-kc01"

    table = page.list_view.table
    d.qtbot.mouseDClick(
        table.viewport(),
        Qt.MouseButton.LeftButton,
        pos=table.visualRect(table.model().index(0, COL_NAME)).center(),
    )
    until(aloop, lambda: page.editing, 5)
    assert d.view.version.text() == "v1 · saved" and d.ctl.doc.meta["name"] == "STR turnover check"


def test_a_broken_import_is_refused_in_words(drive: Driver, page, answers, aloop, tmp_path):
    bad = tmp_path / "bad.json"
    bad.write_text('{"name": "x", "sections": {"not": "a list"}}')
    answers.open_path = str(bad)
    drive.click(page.list_view.buttons["import"])
    until(aloop, lambda: any(name == "error" for name, _ in answers.asked), 5)
    [(_, (title, text))] = [a for a in answers.asked if a[0] == "error"]
    assert title == "Not a template" and "sections must be a list" in text
    assert not page.editing


def test_list_model(qtmodeltester):
    model = TemplateListModel()
    model.set_rows([{"id": "t-1", "v": 2, "name": "A", "tags": ["x"], "updated_at": "2026-05-22T09:00:00Z"}])
    qtmodeltester.check(model)


def test_english_names_and_tags_keep_their_direction_in_a_right_to_left_list(
    drive: Driver, page, client, aloop
):
    """In the Arabic app the Tags column read "…-forklift, lift truck, …, pre": the template's English words
    laid out right to left. Each cell now reads in its own text's direction, still at the row's start."""
    aloop.run_until_complete(client.create_template(str_turnover()))
    aloop.run_until_complete(page.list.load())
    option = right_to_left_option(page.list_view.table, page.list.model.index(0, COL_TAGS))
    assert option.direction == Qt.LayoutDirection.LeftToRight
    assert option.displayAlignment & Qt.AlignmentFlag.AlignRight  # at the right, where the row starts


def test_templates_made_elsewhere_appear_on_f5_or_when_the_list_comes_back(
    drive: Driver, page, client, aloop
):
    """A template made through the API (or by another supervisor) was missing from the list until a search
    was typed: the list was read once, on its first showing. F5 reads it again, and so does the page's coming
    into sight again (another page of the app, then this one), keeping the row selected."""
    d = drive
    aloop.run_until_complete(client.create_template(minimal("Boiler room")))
    aloop.run_until_complete(page.list.load())
    select_row(d, 0)
    aloop.run_until_complete(client.create_template(str_turnover()))
    d.key(page.list_view.table, Qt.Key.Key_F5)
    until(aloop, lambda: sorted(names(page)) == ["Boiler room", "STR turnover check"], 10)

    page.hide()  # the main window shows another of its pages...
    aloop.run_until_complete(client.create_template(vehicle_inspection()))
    page.show()  # ...and this one again
    until(aloop, lambda: "Vehicle pre-rental inspection" in names(page), 10)
    assert page.list.model.index(page.list_view.table.currentIndex().row(), COL_NAME).data() == "Boiler room"


def test_a_templates_version_is_written_in_the_languages_digits(drive: Driver, page, client, aloop, speak):
    """The Arabic template list read "v4" in Latin digits beside its other numbers in Arabic ones; the version
    is the app's number now, in the list and in the editor's title."""
    made = aloop.run_until_complete(client.create_template(minimal("Boiler room")))
    for n in range(3):
        made = aloop.run_until_complete(
            client.patch_template(made["id"], {"description": f"round {n}"}, if_match=made["v"])
        )
    assert made["v"] == 4
    speak("ar")
    aloop.run_until_complete(page.list.load())
    assert page.list.model.index(0, COL_VERSION).data() == "v٤"
    aloop.run_until_complete(page.open_template(made["id"]))
    assert drive.view.version.text() == "v٤ · محفوظ", drive.view.version.text()
