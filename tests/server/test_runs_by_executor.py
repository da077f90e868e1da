"""One executor reference's runs are found by seeking that reference in an index, newest first, never by
reading every run of the organisation (the run monitor's search box and the dashboard's executor filter, on
a fleet's year of 30,000 runs: bench/fleet_api_times.py). The query plans are SQLite's, without ANALYZE,
as a server has them."""

from __future__ import annotations

import pytest

from server.store import runs as run_store
from server.store import stats as stats_store
from tests.support.samples import minimal


def plans(api, read) -> dict[str, list[str]]:
    """Each SELECT that `read(conn)` runs on the app's database → its query plan's lines."""
    statements: list[str] = []

    def job(conn):
        conn.set_trace_callback(statements.append)
        try:
            read(conn)
        finally:
            conn.set_trace_callback(None)
        return {
            sql_text: [row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {sql_text}").fetchall()]
            for sql_text in statements
            if sql_text.lstrip().upper().startswith(("SELECT", "WITH"))
        }

    return api.ctx.db.write_sync(job)


@pytest.fixture
def org_id(api) -> str:
    r = api.post("/v1/templates", json=minimal())
    assert r.status_code == 201, r.text
    for i in range(12):
        run = api.post("/v1/runs", json={"template_id": r.json()["id"], "executor_ref": f"van-{i % 4}"})
        assert run.status_code == 201, run.text
    return api.org["id"]


def assert_seeks_the_reference(found: dict[str, list[str]]) -> None:
    assert found, "nothing was read"
    for statement, lines in found.items():
        on_runs = [line for line in lines if " runs " in f" {line} " or " r " in f" {line} "]
        assert on_runs, (statement, lines)
        for line in on_runs:
            assert "executor_ref=?" in line, f"{statement}\n reads the runs by {line!r}, not by the reference"
        assert not any("TEMP B-TREE FOR ORDER BY" in line for line in lines), (statement, lines)


@pytest.mark.sqlite_only
@pytest.mark.parametrize("status", [None, "pending"])
def test_the_run_list_of_one_reference_seeks_it_in_an_index(api, org_id, status):
    found = plans(
        api,
        lambda conn: run_store.list_runs(conn, org_id, executor_ref="van-1", status=status, per_page=50),
    )
    assert_seeks_the_reference(found)


@pytest.mark.sqlite_only
def test_the_dashboards_counts_of_one_reference_seek_its_days_in_an_index(api, org_id):
    days = ["2026-01-01T00:00:00Z", "2026-01-02T00:00:00Z", "2026-01-03T00:00:00Z"]
    f = stats_store.RunFilter(org_id, days[0], days[-1], executor_ref="van-1")
    found = plans(api, lambda conn: stats_store.run_counts(conn, f, days))
    assert_seeks_the_reference(found)
    assert any("created_at>?" in line for lines in found.values() for line in lines), found
