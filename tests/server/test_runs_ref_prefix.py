"""`GET /v1/runs?executor_ref_prefix=`: the run monitor's search finds runs by the first letters of their
reference ("van-0" finds van-01 and van-02), as typed; `executor_ref=` stays the exact filter."""

from __future__ import annotations

import pytest

from server.store import runs as run_store
from tests.support.fixtures import sql
from tests.support.samples import minimal

REFS = [
    "van-01",
    "van-02",
    "van-1",
    "VAN-03",
    "van0",
    "booking_12",
    "booking_123",
    "bookingX12",
    "50%_off",
    "5000",
]


@pytest.fixture
def refs(api) -> dict[str, list[str]]:
    """Runs under each of REFS, one of each template (and one without a reference): reference → its run ids."""
    templates = [api.post("/v1/templates", json=minimal()).json()["id"] for _ in range(2)]
    found: dict[str, list[str]] = {}
    for i, ref in enumerate([*REFS, *REFS, None]):
        r = api.post("/v1/runs", json={"template_id": templates[i // len(REFS) % 2], "executor_ref": ref})
        assert r.status_code == 201, r.text
        found.setdefault(ref or "", []).append(r.json()["run_id"])
    return found


def listed(api, **params) -> list[dict]:
    r = api.get("/v1/runs", params={"per_page": 100, **params})
    assert r.status_code == 200, r.text
    return r.json()["data"]


def refs_listed(api, **params) -> list[str]:
    return sorted(run["executor_ref"] for run in listed(api, **params))


def test_the_first_letters_find_every_run_whose_reference_starts_with_them(api, refs):
    assert refs_listed(api, executor_ref_prefix="van-0") == ["van-01", "van-01", "van-02", "van-02"]
    assert refs_listed(api, executor_ref_prefix="van-") == sorted(["van-01", "van-02", "van-1"] * 2)
    assert refs_listed(api, executor_ref_prefix="booking_12") == sorted(["booking_12", "booking_123"] * 2)
    # Whole, a reference is its own prefix; case counts, as in the exact filter.
    assert refs_listed(api, executor_ref_prefix="van-1") == ["van-1", "van-1"]
    assert refs_listed(api, executor_ref_prefix="VAN") == ["VAN-03", "VAN-03"]
    assert refs_listed(api, executor_ref_prefix="nothing") == []
    # The exact filter is unchanged: no run is named "van-0".
    assert listed(api, executor_ref="van-0") == []
    assert refs_listed(api, executor_ref="booking_12") == ["booking_12", "booking_12"]


def test_percent_and_underscore_are_what_a_person_typed_not_wildcards(api, refs):
    # As LIKE wildcards, "booking_" would also find bookingX12 and "5%" would find 5000.
    assert refs_listed(api, executor_ref_prefix="booking_") == sorted(["booking_12", "booking_123"] * 2)
    assert refs_listed(api, executor_ref_prefix="5") == sorted(["50%_off", "5000"] * 2)
    assert refs_listed(api, executor_ref_prefix="50%") == ["50%_off", "50%_off"]
    assert listed(api, executor_ref_prefix="5%") == []
    assert listed(api, executor_ref_prefix="%") == []
    assert listed(api, executor_ref_prefix="_") == []


def test_the_prefix_goes_with_the_other_filters(api, refs):
    template_id = listed(api, executor_ref="van-01")[0]["template_id"]
    one_template = listed(api, executor_ref_prefix="van-0", template_id=template_id)
    assert sorted(run["executor_ref"] for run in one_template) == ["van-01", "van-02"]
    assert all(run["template_id"] == template_id for run in one_template)

    cancelled = refs["van-02"][0]
    assert api.post(f"/v1/runs/{cancelled}/cancel").status_code == 200
    assert [run["run_id"] for run in listed(api, executor_ref_prefix="van-0", status="cancelled")] == [
        cancelled
    ]
    assert len(listed(api, executor_ref_prefix="van-0", status="pending")) == 3
    assert listed(api, executor_ref_prefix="van-0", executor_ref="van-02", status="pending") == [
        run for run in listed(api, executor_ref="van-02") if run["run_id"] != cancelled
    ]


@pytest.mark.parametrize("sort", sorted(run_store.SORTS))
def test_paging_by_cursor_and_by_number_lists_every_match_once_in_order(api, refs, sort):
    for i, run_id in enumerate(refs["van-01"] + refs["van-02"] + refs["van-1"]):  # ties and distinct times
        sql(api, "UPDATE runs SET created_at = ? WHERE id = ?", (f"2026-05-0{1 + i % 3}T08:00:00Z", run_id))
    query = {"executor_ref_prefix": "van-", "sort": sort}
    everything = [run["run_id"] for run in listed(api, **query)]
    assert sorted(everything) == sorted(refs["van-01"] + refs["van-02"] + refs["van-1"])

    by_cursor, params = [], {"per_page": 2, **query}
    for _ in range(10):
        body = api.get("/v1/runs", params=params).json()
        by_cursor += [run["run_id"] for run in body["data"]]
        assert body["pagination"]["total"] in (6, None)
        if body["pagination"]["next_cursor"] is None:
            break
        params = {"per_page": 2, **query, "after": body["pagination"]["next_cursor"]}
    assert by_cursor == everything

    by_number = []
    for page in (1, 2, 3):
        body = api.get("/v1/runs", params={"per_page": 2, "page": page, **query}).json()
        assert body["pagination"]["total"] == 6
        by_number += [run["run_id"] for run in body["data"]]
    assert by_number == everything


def test_a_prefix_longer_than_a_reference_may_be_is_refused(api):
    r = api.get("/v1/runs", params={"executor_ref_prefix": "x" * 256})
    assert r.status_code == 422, r.text


@pytest.mark.parametrize(
    ("prefix", "bound"),
    [("van-0", "van-1"), ("a\U0010ffff", "b"), ("\U0010ffff", None), ("\ud7ff", "\ue000"), ("Z", "[")],
)
def test_the_range_ends_after_every_text_starting_with_the_prefix(prefix, bound):
    assert run_store.prefix_bound(prefix) == bound


def plan(api, read) -> list[str]:
    """The query plans of the SELECTs `read(conn)` runs on the app's database, one line each."""

    def job(conn):
        statements: list[tuple[str, list]] = []
        if run_store.dialect(conn) == "postgresql":
            conn.execute("ANALYZE runs")  # PostgreSQL plans from statistics, as a server's autovacuum keeps
            real = conn.execute

            def traced(sql_text, params=()):
                statements.append((sql_text, list(params)))
                return real(sql_text, params)

            conn.execute = traced
            try:
                read(conn)
            finally:
                del conn.execute
            return [
                " ".join(str(row[0]) for row in real(f"EXPLAIN {text}", params).fetchall())
                for text, params in statements
                if text.lstrip().upper().startswith("SELECT")
            ]
        conn.set_trace_callback(lambda text: statements.append((text, [])))
        try:
            read(conn)
        finally:
            conn.set_trace_callback(None)
        return [
            " ".join(row[-1] for row in conn.execute(f"EXPLAIN QUERY PLAN {text}").fetchall())
            for text, _ in statements
            if text.lstrip().upper().startswith("SELECT")
        ]

    return api.ctx.db.write_sync(job)


@pytest.mark.parametrize("status", [None, "pending"])
def test_the_prefix_is_a_range_of_an_index_not_a_scan_of_the_orgs_runs(api, refs, status):
    org_id = api.org["id"]
    # A fleet's year in small: the org's other runs outnumber the prefix's, as they do on a server.
    sql(
        api,
        "INSERT INTO runs (id, org_id, template_id, template_v, template_name, status, executor_ref, created_at, "
        "updated_at, progress_total) "
        "WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 3000) "
        "SELECT 'r-fill-' || i, org_id, template_id, template_v, template_name, status, 'truck-' || i, "
        "created_at, updated_at, progress_total FROM runs, n WHERE id = ?",
        (refs["van-01"][0],),
    )
    found = plan(
        api, lambda conn: run_store.list_runs(conn, org_id, executor_ref_prefix="van-0", status=status)
    )
    assert found
    for line in found:
        if "SEARCH" in line or "SCAN" in line:  # SQLite
            assert "INDEX runs_org_ref (org_id=? AND executor_ref>? AND executor_ref<?)" in line, line
        else:  # PostgreSQL
            assert "runs_org_ref_c" in line and "Seq Scan" not in line, line
