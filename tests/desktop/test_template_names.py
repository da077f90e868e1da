"""Templates that share a name are told apart wherever a list offers them: three imported under one name read
alike in the dispatch dialog and the runs' and dashboard's filters, and the wrong one could be dispatched."""

from __future__ import annotations

from rundun_desktop.widgets.common import template_names
from tests.desktop.conftest import run, wait_until
from tests.support.samples import minimal


def test_a_shared_name_says_which_template_it_is(desktop, aloop):
    api = desktop.api
    bike = run(aloop, api.create_template({**minimal(), "name": "Bike check"}))
    first = run(aloop, api.create_template({**minimal(), "name": "Van check"}))
    second = run(aloop, api.create_template({**minimal(), "name": "Van check"}))
    run(aloop, api.patch_template(second["id"], {"description": "Kept"}))

    desktop.window.show_page("runs")
    dialog = desktop.window.runs.open_dispatch()
    combo = dialog.view.template
    wait_until(aloop, lambda: combo.count() == 3, 10)
    shown = {combo.itemData(i): combo.itemText(i) for i in range(combo.count())}
    assert shown[bike["id"]] == "Bike check"  # a name of its own stays as it is
    assert shown[first["id"]].startswith("Van check (version 1, changed ")
    assert shown[second["id"]].startswith("Van check (version 2, changed ")
    dialog.view.reject()

    runs = desktop.window.runs
    runs.load_templates()
    wait_until(aloop, lambda: runs.view.template_filter.count() == 4, 10)
    filters = {runs.view.template_filter.itemData(i): runs.view.template_filter.itemText(i) for i in range(4)}
    assert filters[second["id"]] == shown[second["id"]] and filters[first["id"]] == shown[first["id"]]


def test_names_alike_to_the_second_are_told_apart_by_their_ids():
    at = "2026-12-05T12:12:33Z"
    templates = [
        {"id": "t-1", "name": "Van check", "v": 1, "updated_at": at},
        {"id": "t-2", "name": "Van check", "v": 1, "updated_at": at},
        {"id": "t-3", "name": "Bike check", "v": 4, "updated_at": at},
    ]
    first, second, bike = template_names(templates)
    assert first.endswith(" · t-1") and second.endswith(" · t-2") and first.startswith("Van check (version 1")
    assert bike == "Bike check"
