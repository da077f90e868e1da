"""`GET /v1/runs` keyset paging (`after`, `next_cursor`) and `include_total=false`, against the offset listing."""

from __future__ import annotations

import pytest

from server.store.runs import SORTS
from tests.support.fixtures import sql
from tests.support.samples import vehicle_inspection

STATUSES = ["pending", "in_progress", "completed", "cancelled", "expired"]


@pytest.fixture
def runs(api) -> list[str]:
    """23 runs with many ties: 4 distinct creation times, some null refs and expiries, every status."""
    r = api.post("/v1/templates", json=vehicle_inspection())
    assert r.status_code == 201, r.text
    tid = r.json()["id"]
    ids = []
    for i in range(23):
        body = {"template_id": tid, "executor_ref": None if i % 4 == 0 else f"ref-{i % 5}"}
        r = api.post("/v1/runs", json=body)
        assert r.status_code == 201, r.text
        ids.append(r.json()["run_id"])
    for i, run_id in enumerate(ids):
        sql(
            api,
            "UPDATE runs SET created_at = ?, updated_at = ?, expires_at = ?, status = ? WHERE id = ?",
            (
                f"2026-05-0{1 + i % 4}T08:00:00Z",
                f"2026-05-22T08:3{i % 3}:00Z",
                None if i % 3 == 0 else f"2026-06-0{1 + i % 2}T00:00:00Z",
                STATUSES[i % 5],
                run_id,
            ),
        )
    return ids


def offset_listing(api, **params) -> list[str]:
    r = api.get("/v1/runs", params={"per_page": 200, **params})
    assert r.status_code == 200, r.text
    return [run["run_id"] for run in r.json()["data"]]


def walk(api, per_page: int, **params) -> list[str]:
    """Every run by cursor: page 1 by number, then `after` the previous page's next_cursor."""
    seen, query = [], {"per_page": per_page, **params}
    for _ in range(100):
        r = api.get("/v1/runs", params=query)
        assert r.status_code == 200, r.text
        body = r.json()
        seen += [run["run_id"] for run in body["data"]]
        cursor = body["pagination"]["next_cursor"]
        if cursor is None:
            return seen
        assert body["data"], "a cursor promises more rows"
        query = {"per_page": per_page, **params, "after": cursor}
    raise AssertionError("paging did not end")


@pytest.mark.parametrize("sort", list(SORTS))
@pytest.mark.parametrize("per_page", [1, 4, 7])
def test_cursor_walk_matches_the_offset_listing_for_every_sort(api, runs, sort, per_page):
    expected = offset_listing(api, sort=sort)
    assert sorted(expected) == sorted(runs)
    assert walk(api, per_page, sort=sort) == expected
    assert walk(api, per_page, sort=sort, include_total="false") == expected


@pytest.mark.parametrize("sort", ["-created_at", "status", "-executor_ref", "expires_at"])
def test_numbered_pages_still_match_and_carry_a_cursor(api, runs, sort):
    expected = offset_listing(api, sort=sort)
    got, page = [], 1
    while page:
        body = api.get("/v1/runs", params={"sort": sort, "page": page, "per_page": 5}).json()
        p = body["pagination"]
        assert p["total"] == 23 and p["page"] == page and p["per_page"] == 5
        assert (p["next_cursor"] is None) == (p["next_page"] is None)
        if p["next_cursor"]:  # a client may switch to cursors after any numbered page
            query = {"sort": sort, "per_page": 5, "after": p["next_cursor"]}
            after = api.get("/v1/runs", params=query).json()
            assert [r["run_id"] for r in after["data"]] == expected[page * 5 : page * 5 + 5]
        got += [r["run_id"] for r in body["data"]]
        page = p["next_page"]
    assert got == expected


@pytest.mark.parametrize(
    "filters",
    [
        {"status": "pending"},
        {"executor_ref": "ref-1"},
        {"updated_since": "2026-05-22T08:31:00Z"},
        {"status": "completed", "sort": "-status"},
        {"executor_ref": "ref-2", "sort": "expires_at"},
    ],
)
def test_filters_combine_with_cursors(api, runs, filters):
    expected = offset_listing(api, **filters)
    assert expected
    assert walk(api, 2, **filters) == expected


def test_include_total_false_skips_the_count(api, runs):
    body = api.get("/v1/runs", params={"per_page": 10, "include_total": "false"}).json()
    assert body["pagination"]["total"] is None
    assert body["pagination"]["next_page"] == 2 and body["pagination"]["next_cursor"]
    last = api.get("/v1/runs", params={"per_page": 10, "page": 3, "include_total": "false"}).json()
    assert len(last["data"]) == 3
    assert last["pagination"]["next_page"] is None and last["pagination"]["next_cursor"] is None
    exact = api.get("/v1/runs", params={"per_page": 23, "include_total": "false"}).json()
    assert exact["pagination"]["next_page"] is None and exact["pagination"]["next_cursor"] is None
    counted = api.get("/v1/runs", params={"per_page": 10}).json()["pagination"]
    assert counted["total"] == 23 and counted["next_page"] == 2


def test_cursor_pages_have_no_page_number(api, runs):
    cursor = api.get("/v1/runs", params={"per_page": 10}).json()["pagination"]["next_cursor"]
    body = api.get("/v1/runs", params={"per_page": 10, "after": cursor}).json()
    assert body["pagination"]["total"] == 23
    assert body["pagination"]["next_page"] is None and body["pagination"]["next_cursor"]


@pytest.mark.parametrize("after", ["x", "%%%", "bm90IGpzb24", "WzFd", "WyItY3JlYXRlZF9hdCIsMSwxXQ"])
def test_a_malformed_cursor_is_a_validation_error(api, runs, after):
    r = api.get("/v1/runs", params={"after": after})
    assert r.status_code == 422, r.text
    assert r.json()["error"] == "validation_error"
    assert [d["path"] for d in r.json()["details"]] == ["after"]


def test_a_cursor_from_another_sort_is_refused(api, runs):
    cursor = api.get("/v1/runs", params={"per_page": 5, "sort": "status"}).json()["pagination"]["next_cursor"]
    r = api.get("/v1/runs", params={"after": cursor, "sort": "-created_at"})
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "after"


def test_after_with_a_page_number_is_refused(api, runs):
    cursor = api.get("/v1/runs", params={"per_page": 5}).json()["pagination"]["next_cursor"]
    assert api.get("/v1/runs", params={"after": cursor, "page": 1}).status_code == 200
    r = api.get("/v1/runs", params={"after": cursor, "page": 2})
    assert r.status_code == 422 and r.json()["details"][0]["path"] == "after"
