"""The Problems tab says there are none, rather than showing a blank pane."""

from __future__ import annotations

from tests.support.samples import minimal, vehicle_inspection

from .conftest import Driver, open_saved, until


def test_the_problems_tab_says_when_there_are_none(drive: Driver, page, client, aloop):
    d = drive
    open_saved(aloop, client, page, vehicle_inspection())
    d.flush()  # checked now rather than after the pause
    d.click(d.view.status)  # "✓ Valid" opens the Problems tab
    until(aloop, lambda: d.view.side.currentWidget() is d.view.problems_page, 5)
    assert d.view.problems_empty.isVisible()
    assert d.view.problems_empty.text() == "No problems: this template can be saved."
    assert not d.view.problems.isVisible()

    d.select_node(d.ctl.doc.find_step("s-od01").uid)
    d.type(d.step_panel.label_edit, "")  # a step needs a label
    until(aloop, lambda: d.view.problems.count() == 1, 5)
    assert d.view.problems.isVisible() and not d.view.problems_empty.isVisible()


def test_an_empty_template_says_how_to_add_its_first_section(drive: Driver, page, client, aloop):
    """Every section deleted: the tree was a blank pane that said nothing."""
    d = drive
    open_saved(aloop, client, page, minimal("Gate check"))
    tree = d.view.tree
    while d.ctl.doc.sections:
        d.select_node(d.ctl.doc.sections[0].uid)
        d.toolbar("delete")
    until(aloop, lambda: tree.model().rowCount() == 0, 5)
    assert tree.empty_text() == "No sections yet. Add one with Add section (Ctrl+Shift+N)."
    image = tree.viewport().grab().toImage()
    background = image.pixel(2, image.height() - 2)
    inked = sum(
        image.pixel(x, y) != background for x in range(image.width()) for y in range(min(120, image.height()))
    )
    assert inked > 50  # the words are drawn on the empty pane
    d.toolbar("add_section")
    until(aloop, lambda: tree.model().rowCount() == 1, 5)
