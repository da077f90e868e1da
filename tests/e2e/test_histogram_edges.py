"""A number step's histogram edges, as a person reads them from `GET /v1/templates/{id}/stats` on the real
server (SPEC §14): the smallest and largest answers exactly, whole numbers whole, the inner edges without
float noise (0.3, never 0.30000000000000004), and every answer counted once, in the bin whose published
edges hold it (a value on an inner edge in the bin it starts, the largest in the last)."""

from __future__ import annotations

import itertools
from decimal import Decimal

import httpx

AT = "2026-05-22T08:31:00Z"
LARGEST = 9_007_199_254_740_991  # the largest whole number a number step takes (LARGEST_EXACT)

# step id -> (decimal places the step takes, the answers sent to it, one per run)
ANSWERS: dict[str, tuple[int, list[float]]] = {
    "s-tenths": (1, [round(0.2 + i / 10, 1) for i in range(11)]),  # 0.2 … 1.2: every inner edge is a value
    "s-negative": (2, [-3.75, -1, -0.5, 0, 2.25, -0.01]),
    "s-one": (0, [7]),
    "s-same": (1, [4.5, 4.5, 4.5]),
    "s-whole": (0, [0, 100, 50, 10, 99]),
    "s-thirds": (0, [0, 3, 1, 2]),  # edges 0.3, 0.6 …: not whole, yet exact
    "s-huge": (0, [-LARGEST, 0, LARGEST]),
    "s-tiny": (6, [0.000001, 0.000002, 0.000004, 0.000003]),
}


def template() -> dict:
    steps = [
        {"id": sid, "type": "number", "label": sid, "required": False, "config": {"decimal": places}}
        for sid, (places, _) in ANSWERS.items()
    ]
    return {"name": "Awkward numbers", "sections": [{"id": "g-1", "title": "Numbers", "steps": steps}]}


def places(value: float) -> int:
    exponent = Decimal(repr(value)).normalize().as_tuple().exponent
    assert isinstance(exponent, int)
    return max(0, -exponent)


def holds(bins: list[dict], i: int, value: float) -> bool:
    low, high = bins[i]["from"], bins[i]["to"]
    return low <= value <= high if i == len(bins) - 1 else low <= value < high


def test_histogram_edges_are_numbers_a_person_reads_and_hold_every_answer_once(server_process):
    server, key = server_process
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=60) as api:
        tid = api.post("/v1/templates", json=template()).json()["id"]
        for i in range(max(len(values) for _, values in ANSWERS.values())):
            run_id = api.post("/v1/runs", json={"template_id": tid}).json()["run_id"]
            token = api.post(f"/v1/runs/{run_id}/open", json={}).json()["executor_token"]
            for sid, (_, values) in ANSWERS.items():
                if i < len(values):
                    r = api.put(
                        f"/v1/runs/{run_id}/answers/{sid}",
                        json={"value": values[i], "at": AT},
                        headers={"Authorization": f"Bearer {token}"},
                    )
                    assert r.status_code == 200, r.text
        stats = api.get(f"/v1/templates/{tid}/stats")
        assert stats.status_code == 200, stats.text
    by_step = {s["step_id"]: s["values"] for s in stats.json()["steps"]}

    for sid, (_, values) in ANSWERS.items():
        got = by_step[sid]
        bins = got["histogram"]
        low, high = min(values), max(values)
        assert (got["min"], got["max"]) == (low, high) and type(got["min"]) is type(low), sid
        if low == high:
            assert bins == [{"from": low, "to": high, "count": len(values)}], sid
            continue
        assert len(bins) == 10, sid
        edges = [b["from"] for b in bins] + [bins[-1]["to"]]
        assert edges[0] == low and type(edges[0]) is type(low), (sid, edges)
        assert edges[-1] == high and type(edges[-1]) is type(high), (sid, edges)
        assert all(b["to"] == after["from"] for b, after in itertools.pairwise(bins)), sid
        assert edges == sorted(edges), (sid, edges)
        # Inner edges: exact tenths of the range, so never more decimals than the answers' plus one.
        most = max(places(v) for v in values)
        assert all(places(e) <= most + 1 for e in edges), (sid, edges)
        for value in values:
            assert sum(holds(bins, i, value) for i in range(len(bins))) == 1, (sid, value, bins)
        assert [b["count"] for b in bins] == [
            sum(holds(bins, i, v) for v in values) for i in range(len(bins))
        ], (sid, bins)

    assert [b["from"] for b in by_step["s-tenths"]["histogram"]] == [
        0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1.0, 1.1
    ]  # fmt: skip
    assert [b["count"] for b in by_step["s-tenths"]["histogram"]] == [1] * 9 + [2]
    assert by_step["s-tenths"]["mean"] == 0.7
    whole_edges = [b["from"] for b in by_step["s-whole"]["histogram"]]
    assert whole_edges == list(range(0, 100, 10)) and all(type(e) is int for e in whole_edges)
    assert [b["count"] for b in by_step["s-whole"]["histogram"]] == [1, 1, 0, 0, 0, 1, 0, 0, 0, 2]
    assert by_step["s-huge"]["mean"] == 0
