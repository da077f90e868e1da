"""The Problems tab says there are none, rather than showing a blank pane."""

from __future__ import annotations

from tests.support.samples import vehicle_inspection

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
