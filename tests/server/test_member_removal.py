"""SPEC §2 `DELETE /v1/members/{user_id}` against the real server process (SQLite and PostgreSQL): a removed
member's executor tokens and sign-in token stop at once (401 `unauthorized`, as any invalid token), what they
answered stays as it is, and another member of the org takes their open run over (it was 409
`run_already_opened` for ever)."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

AT = "2026-05-22T08:31:00Z"
LATER = "2026-05-22T09:00:00Z"
FOR_MEMBERS = {
    "name": "Van check",
    "execution": {"identity_required": "member"},
    "sections": [
        {
            "id": "g-1",
            "title": "Van",
            "steps": [
                {"id": "s-bool", "type": "boolean", "label": "Lights OK?"},
                {"id": "s-num", "type": "number", "label": "Km", "config": {"min": 0, "max": 100}},
                {"id": "s-text", "type": "text", "label": "Notes"},
            ],
        }
    ],
}


@pytest.fixture
def owner(server_process) -> Iterator[httpx.Client]:
    server, key = server_process
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as c:
        yield c


def add_member(owner: httpx.Client, name: str) -> tuple[str, str]:
    r = owner.post("/v1/members", json={"name": name, "email": f"{name.lower()}@example.com"})
    assert r.status_code == 201, r.text
    return r.json()["user_id"], r.json()["sign_in_token"]


def open_as(owner: httpx.Client, run_id: str, token: str) -> httpx.Response:
    return owner.post(f"/v1/runs/{run_id}/open", json={}, headers={"Authorization": f"Bearer {token}"})


def as_executor(token: str) -> dict:
    return {"Authorization": f"Bearer {token}"}


def test_a_removed_members_tokens_stop_and_another_member_takes_their_run_over(owner):
    template_id = owner.post("/v1/templates", json=FOR_MEMBERS).json()["id"]
    run_id = owner.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
    other_run = owner.post("/v1/runs", json={"template_id": template_id}).json()["run_id"]
    mia, mia_sign_in = add_member(owner, "Mia")
    max_, max_sign_in = add_member(owner, "Max")
    base = f"/v1/runs/{run_id}"

    opened = open_as(owner, run_id, mia_sign_in)
    assert opened.status_code == 200, opened.text
    mia_exec = as_executor(opened.json()["executor_token"])
    assert (
        owner.put(f"{base}/answers/s-bool", json={"value": True, "at": AT}, headers=mia_exec).status_code
        == 200
    )
    sync = {"ops": [{"op_id": "op-1", "step_id": "s-num", "value": 7, "at": AT}]}
    assert owner.post(f"{base}/sync", json=sync, headers=mia_exec).status_code == 200
    assert open_as(owner, run_id, max_sign_in).json()["error"] == "run_already_opened"  # Mia's, as ever
    before = owner.get(base).json()
    assert before["assigned_to"] == mia and before["status"] == "in_progress"

    assert owner.delete(f"/v1/members/{mia}").status_code == 204

    # Every token Mia was given stops at once, the documented way: 401 `unauthorized`.
    late = {"ops": [{"op_id": "op-2", "step_id": "s-num", "value": 8, "at": LATER}]}
    for refused in (
        owner.post(f"{base}/sync", json=late, headers=mia_exec),
        owner.put(f"{base}/answers/s-bool", json={"value": False, "at": LATER}, headers=mia_exec),
        owner.post(f"{base}/complete", json={"at": LATER}, headers=mia_exec),
        owner.get(f"{base}/state", headers=mia_exec),
        open_as(owner, run_id, mia_sign_in),  # her sign-in token too, on her run
        open_as(owner, other_run, mia_sign_in),  # and on any other
    ):
        assert refused.status_code == 401 and refused.json()["error"] == "unauthorized", refused.text
    after = owner.get(base).json()
    assert after == before  # nothing she sent after her removal was taken; what she answered is kept
    assert after["answers"]["s-bool"]["by"] == mia and after["answers"]["s-num"]["value"] == 7

    # Another member opens the run (it was 409 for ever), with the answers as they stand, and completes it.
    taken = open_as(owner, run_id, max_sign_in)
    assert taken.status_code == 200, taken.text
    assert taken.json()["answers"]["s-bool"]["value"] is True and taken.json()["assigned_to"] == max_
    max_exec = as_executor(taken.json()["executor_token"])
    answered = owner.put(f"{base}/answers/s-text", json={"value": "ok", "at": LATER}, headers=max_exec)
    assert answered.status_code == 200, answered.text
    done = owner.post(f"{base}/complete", json={"at": LATER}, headers=max_exec)
    assert done.status_code == 200, done.text
    run = owner.get(base).json()
    assert run["status"] == "completed" and run["assigned_to"] == max_
    assert run["executor_identity"] == {"mode": "member", "user_id": max_}
    assert run["opened_at"] == before["opened_at"]  # the first open's
    assert run["answers"]["s-bool"]["by"] == mia and run["answers"]["s-text"]["by"] == max_
    history = owner.get(f"{base}/history").json()["data"]
    assert [e["outcome"] for e in history if e.get("op_id") == "op-2"] == []  # her late sync never arrived
