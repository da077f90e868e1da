"""Every page and dialog of the desktop app, opened one after another as a person would (the runs list with a
run open, the dispatch dialog, the template list and its dialogs, the editor on each kind of step and each of
its tabs, the executor's inbox and a run in the runner, the dashboard, every tab of Settings, About), calling
`look(what, widget)` at each stop. The pseudo-locale test reads every word there; the language tests take
their pictures there."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtWidgets import QApplication, QDialog, QTabWidget, QWidget

from tests.desktop.conftest import pump, run, wait_until
from tests.support.samples import vehicle_inspection

Look = Callable[[str, QWidget], None]


def _settle(aloop) -> None:
    pump(aloop, 0.3)


def _strings(value: Any, into: set[str]) -> set[str]:
    if isinstance(value, str):
        into.add(value)
    elif isinstance(value, dict):
        for item in value.values():
            _strings(item, into)
    elif isinstance(value, list):
        for item in value:
            _strings(item, into)
    return into


def walk_app(desktop, aloop, look: Look) -> set[str]:
    """Walk the app; returns the data it showed (the template's and the server's own words, ids, links):
    the texts a person's language does not change."""
    window = desktop.window
    data: set[str] = set()
    body = vehicle_inspection()
    template = run(aloop, desktop.api.create_template(body))
    _strings(template, data)
    links = []
    for i in range(3):
        dispatched = run(
            aloop, desktop.api.dispatch_run({"template_id": template["id"], "executor_ref": f"VAN-{i}"})
        )
        _strings(dispatched, data)
        links.append(dispatched["link"])
        data.add(f"VAN-{i}")
    if desktop.connection.org:
        _strings(desktop.connection.org, data)
    for plan in run(aloop, desktop.api.list_plans()):  # the server's plans and keys: its own words
        _strings(plan, data)
    _strings(run(aloop, desktop.api.list_api_keys()), data)
    library = run(aloop, desktop.api.library())
    _strings(library, data)
    if library:
        _strings(run(aloop, desktop.api.library_template(library[0]["slug"])), data)
    data.update({desktop.api.base_url, str(desktop.paths.data_dir), str(desktop.paths.log_dir)})
    data.update({d.upper() for d in data} | {d.capitalize() for d in data})  # section titles in capitals

    def stop(what: str, widget: QWidget | None = None) -> None:
        _settle(aloop)
        look(what, widget or window.view)

    window.show_page("runs")
    window.runs.reload()
    wait_until(aloop, lambda: window.runs.model.rowCount() == 3, 10)
    stop("runs")
    window.runs.select_run(window.runs.model.run_at(0)["run_id"])
    wait_until(aloop, lambda: window.runs_view.detail.isVisible() and window.runs.detail.run, 10)
    _strings(window.runs.detail.run, data)
    stop("runs with a run open")
    dialog = window.runs.open_dispatch()
    wait_until(aloop, lambda: dialog.view.template.count() > 0, 10)
    stop("dispatch dialog", dialog.view)
    dialog.view.reject()

    window.show_page("dashboard")
    window.dashboard_page.ensure()
    stop("dashboard")

    window.show_page("templates")
    page = window.templates_page.ensure()
    wait_until(aloop, lambda: page.list.loaded, 10)
    stop("template list")
    library = page.list.open_library()
    stop("library dialog", library)
    library.reject()
    generate = page.list.open_generate()
    stop("generate dialog", generate)
    generate.reject()
    assert run(aloop, page.open(template["id"]))
    ctl = page.editor
    ctl.select(0)  # the template itself
    stop("editor on the template")
    for step_id in ("s-dm02", "s-fu01", "s-od01"):  # a condition; a choice; a number
        ctl.select(ctl.doc.find_step(step_id).uid)
        stop(f"editor on {step_id}")
    photo = ctl.editor.add_step(ctl.current_uid(), "photo")
    ctl.select(photo)
    stop("editor on a photo step")
    side = ctl.view.side
    for i in range(side.count()):
        side.setCurrentIndex(i)
        stop(f"editor's side tab {i}")
    for i in range(ctl.view.middle.count()):
        ctl.view.middle.setCurrentIndex(i)
        stop(f"editor's middle tab {i}")
    page.saver.never_saved = False
    ctl.stack.setClean()

    window.show_page("executor")
    executor = window.executor_page.ensure()
    stop("executor's inbox")
    run_id = run(aloop, executor.open_link(links[0]))
    assert run_id, executor.inbox_view.message.text()
    wait_until(aloop, lambda: executor.runner.cards, 10)
    stop("a run in the executor")

    window.show_page("settings")
    tabs = window.settings_view.findChild(QTabWidget)
    for i in range(tabs.count() if tabs else 1):
        if tabs:
            tabs.setCurrentIndex(i)
        stop(f"settings tab {i}")

    about = desktop.show_about()
    stop("about", about)
    about.reject()
    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, QDialog) and widget.isVisible():
            widget.reject()
    return data
