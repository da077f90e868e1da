"""The sidebar's count of the month's runs follows a dispatch from this app at once, not at the next
heartbeat ("2 runs this month" right after the fourth)."""

from __future__ import annotations

from rundun_desktop.admin.settings_controller import usage_words
from tests.desktop.conftest import run, wait_until
from tests.support.org import Org
from tests.support.samples import minimal


def test_a_dispatch_from_the_app_is_counted_in_the_sidebar_at_once(desktop, live_server, aloop):
    connection = desktop.connection
    checks: list[bool] = []
    real_check = connection.check

    async def counted() -> bool:
        checks.append(await real_check())
        return checks[-1]

    connection.check = counted
    connection.check_interval = 3600  # after the heartbeat under way: none more during the test
    wait_until(aloop, lambda: len(checks) >= 1)  # that heartbeat: the interval now holds
    org = Org(live_server.url, live_server.api_key)
    try:
        usage = org.http.get("/v1/org").json()["usage"]
        tid = org.http.post("/v1/templates", json=minimal()).json()["id"]
        result = run(aloop, desktop.connection.api.dispatch_run({"template_id": tid}))
        desktop.events.run_dispatched.emit(result)  # what the dispatch dialog says once the run is made
        label = desktop.window.view.plan_label
        after, _ = usage_words({**usage, "runs_used_this_month": usage["runs_used_this_month"] + 1})
        wait_until(aloop, lambda: after in label.text())
    finally:
        org.http.close()
