"""Findings and the supervisor's numbers on the real `rundun-server` process over HTTP (SPEC §14)."""

from __future__ import annotations

from datetime import UTC, datetime

import httpx

from tests.server.test_findings_api import inspection


def test_findings_and_stats_over_http(server_process):
    server, key = server_process
    auth = {"Authorization": f"Bearer {key}"}
    with httpx.Client(base_url=server.url, headers=auth, timeout=30) as api:
        tid = api.post("/v1/templates", json=inspection()).json()["id"]
        runs = [
            api.post("/v1/runs", json={"template_id": tid, "executor_ref": "van-7"}).json()["run_id"]
            for _ in range(3)
        ]
        token = api.post(f"/v1/runs/{runs[0]}/open", json={}).json()["executor_token"]
        executor = {"Authorization": f"Bearer {token}"}
        at = "2026-05-22T08:31:00Z"
        for step, value in (("s-ok", False), ("s-tyre", "o-c"), ("s-rate", 4)):
            r = api.put(
                f"/v1/runs/{runs[0]}/answers/{step}", json={"value": value, "at": at}, headers=executor
            )
            assert r.status_code == 200, r.text
        assert api.post(f"/v1/runs/{runs[0]}/complete", json={"at": at}, headers=executor).status_code == 200
        assert api.post(f"/v1/runs/{runs[1]}/cancel").status_code == 200

        doc = api.get(f"/v1/runs/{runs[0]}").json()
        assert doc["flagged"] == 2
        assert {s: a["flagged"] for s, a in doc["answers"].items()} == {
            "s-ok": True,
            "s-tyre": True,
            "s-rate": False,
        }
        listed = api.get("/v1/runs", params={"flagged": "true"}).json()["data"]
        assert [r["run_id"] for r in listed] == [runs[0]] and listed[0]["flagged"] == 2

        today = datetime.now(UTC).date().isoformat()
        stats = api.get("/v1/stats/runs", params={"from": today, "to": today, "tz": "UTC"}).json()
        assert stats["totals"] == {
            "created": 3,
            "by_status": {"pending": 1, "in_progress": 0, "completed": 1, "cancelled": 1, "expired": 0},
            "flagged_runs": 1,
        }
        assert stats["completion_rate"] == 1 / 3
        assert api.get("/v1/stats/runs", params={"executor_ref": "nobody"}).json()["totals"]["created"] == 0

        steps = api.get(f"/v1/templates/{tid}/stats").json()["steps"]
        by_id = {s["step_id"]: s for s in steps}
        assert by_id["s-ok"]["values"] == {"true": 0, "false": 1} and by_id["s-ok"]["flagged"] == 1
        assert by_id["s-tyre"]["values"] == {"o-a": 0, "o-b": 0, "o-c": 1}
        assert by_id["s-rate"]["values"]["histogram"][3] == {"from": 4, "to": 4, "count": 1}

        bad = api.get("/v1/stats/runs", params={"tz": "Atlantis/Capital", "bucket": "year"})
        assert bad.status_code == 422
        assert sorted(d["path"] for d in bad.json()["details"]) == ["query.bucket", "query.tz"]
        assert (
            api.get("/v1/stats/runs", headers={"Authorization": "Bearer rdk_live_" + "0" * 32}).status_code
            == 401
        )
