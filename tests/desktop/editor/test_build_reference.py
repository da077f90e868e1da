"""Build the reference "Vehicle pre-rental inspection" template by driving the editor like a designer,
save it through the real embedded server, and check that the server holds exactly the reference."""

from __future__ import annotations

from PySide6.QtWidgets import QWidget

from rundun_desktop.editor.doc import strip_server_fields
from rundun_desktop.editor.tree_model import CONDITION_ROLE
from server.tdl import normalize_template, validate_template
from tests.support.samples import vehicle_inspection

from .conftest import Driver, until


def set_step(d: Driver, step_type: str, label: str, step_id: str) -> None:
    """Type, label and id of the selected step, through the properties panel."""
    sp = d.step_panel
    if sp.type_combo.currentData() != step_type:
        d.choose(sp.type_combo, step_type)
    d.type(sp.label_edit, label)
    d.type(sp.id_edit, step_id, commit=True)


def set_options(d: Driver, options: list[tuple[str, str]]) -> None:
    """Fill the options editor: ids and labels, adding rows with its Add button."""
    editor = d.step_panel.options_editor(d.step_panel.type_combo.currentData())
    for i, (option_id, label) in enumerate(options):
        if i >= len(editor.rows):
            d.click(editor.add_button)
        row = editor.rows[i]
        d.type(row.id_edit, option_id, commit=True)
        d.type(row.label_edit, label)


def page_field(d: Driver, step_type: str, name: str) -> QWidget:
    page = d.step_panel.config_pages[step_type][0]
    return page.findChild(QWidget, name)


def set_photos(d: Driver, low: int, high: int) -> None:
    photo = d.step_panel.photo
    d.click(photo.enabled)
    d.type(photo.max, str(high))
    d.type(photo.min, str(low))


def test_build_vehicle_inspection_by_hand_and_save(drive: Driver, page, client, aloop, qtbot):
    d = drive
    reference = normalize_template(validate_template(vehicle_inspection()))

    d.click(page.list_view.new_button)
    assert page.editing and page.saver.template_id is None
    view, ctl = d.view, d.ctl

    # Template tab: details, settings, execution.
    d.click(view.middle.tabBar(), view.middle.tabBar().tabRect(1).center())
    tp = view.template_panel
    d.type(tp.name_edit, "Vehicle pre-rental inspection")
    d.type(tp.description_edit, "Pre-rental condition check before handing keys to customer")
    d.type(tp.tags_edit, "vehicle, rental, inspection")
    d.click(tp.signature)
    d.type(tp.est_minutes, "5")
    d.choose(tp.scope, "any")
    d.choose(tp.identity, "none")
    d.click(view.middle.tabBar(), view.middle.tabBar().tabRect(0).center())

    # Section "Exterior" and its first step, the odometer.
    exterior = ctl.doc.sections[0]
    d.select_node(exterior.uid)
    sec = ctl.properties.section_panel
    d.type(sec.title_edit, "Exterior")
    d.type(sec.id_edit, "g-ext1", commit=True)
    d.select_node(exterior.steps[0].uid)
    set_step(d, "number", "Odometer reading", "s-od01")
    d.type(page_field(d, "number", "cfgUnit"), "km")
    d.type(page_field(d, "number", "cfgMin"), "0")
    d.type(page_field(d, "number", "cfgDecimal"), "0")

    # Fuel level: a choice with four options.
    d.toolbar("add_step")
    set_step(d, "choice", "Fuel level", "s-fu01")
    set_options(d, [("o-fu1", "Full"), ("o-fu2", "3/4"), ("o-fu3", "1/2"), ("o-fu4", "1/4")])

    # Damage question, and the description shown only if there is damage.
    d.toolbar("add_step")
    set_step(d, "boolean", "Any pre-existing damage?", "s-dm01")
    d.type(page_field(d, "boolean", "cfgTrueLabel"), "Yes")
    d.type(page_field(d, "boolean", "cfgFalseLabel"), "No")
    d.toolbar("add_step")
    set_step(d, "text", "Describe the damage", "s-dm02")
    set_photos(d, 1, 6)
    d.click(page_field(d, "text", "cfgMultiline"))
    d.type(page_field(d, "text", "cfgPlaceholder"), "Location and description")
    condition = d.step_panel.condition
    d.click(condition.enabled)
    [row] = condition.root.rows
    d.choose(row.step_combo, "s-dm01")
    d.choose(row.op_combo, "eq")
    d.choose(row.value_widget.combo, True)
    assert condition.words.text() == "Shown only if “Any pre-existing damage?” is Yes."

    # Section "Interior" with the cleanliness rating.
    d.toolbar("add_section")
    interior = ctl.doc.sections[1]
    d.type(sec.title_edit, "Interior")
    d.type(sec.id_edit, "g-int1", commit=True)
    d.select_node(interior.steps[0].uid)
    set_step(d, "rating", "Interior cleanliness", "s-cl01")
    set_photos(d, 0, 3)
    d.type(page_field(d, "rating", "cfgMin"), "1")
    d.type(page_field(d, "rating", "cfgMax"), "5")
    d.type(page_field(d, "rating", "cfgLowLabel"), "Very dirty")
    d.type(page_field(d, "rating", "cfgHighLabel"), "Spotless")

    # The tree says the condition in words; the editor finds nothing wrong.
    d.flush()
    assert ctl.details == []
    dm02 = ctl.model.index_of(ctl.doc.find_step("s-dm02").uid)
    assert dm02.data(CONDITION_ROLE) == "only if “Any pre-existing damage?” is Yes"
    view.grab().save("/tmp/rundun-editor-built.png")

    # Save: POST through the embedded server, which answers with version 1.
    saved = []
    page.saver.saved.connect(saved.append)
    d.click(view.save_button)
    until(aloop, lambda: saved, 15)
    assert page.saver.version == 1 and "v1 · saved" in view.version.text()
    assert strip_server_fields(saved[0]) == reference
    stored = aloop.run_until_complete(client.get_template(page.saver.template_id))
    assert strip_server_fields(stored) == reference
