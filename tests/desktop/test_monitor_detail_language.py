"""A run's detail says the language its executor was sent, when its template has several: a Spanish manager
watching three cleaners' runs of a Spanish-and-Arabic checklist could not tell which got it in Arabic."""

from __future__ import annotations

from tests.desktop.conftest import run, wait_until
from tests.server.tdl.test_tdl_languages import car_check
from tests.support.samples import minimal


def shown(desktop, aloop, run_id: str):
    detail = desktop.window.runs.detail
    loaded = []
    detail.run_loaded.connect(loaded.append)
    detail.show_run(run_id)
    wait_until(aloop, lambda: any(r["run_id"] == run_id for r in loaded), 10)
    return detail.view


def test_a_runs_detail_says_the_language_it_was_sent_in(desktop, aloop):
    template = run(aloop, desktop.api.create_template(car_check()))
    arabic = run(aloop, desktop.api.dispatch_run({"template_id": template["id"], "language": "ar"}))
    assert shown(desktop, aloop, arabic["run_id"]).fact_values["Language"].text() == "العربية (ar)"
    english = run(aloop, desktop.api.dispatch_run({"template_id": template["id"]}))
    assert shown(desktop, aloop, english["run_id"]).fact_values["Language"].text() == "English (en)"
    one_language = run(aloop, desktop.api.create_template(minimal("Only English")))
    plain = run(aloop, desktop.api.dispatch_run({"template_id": one_language["id"]}))
    assert "Language" not in shown(desktop, aloop, plain["run_id"]).fact_values  # nothing to choose between
