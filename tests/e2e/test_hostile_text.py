"""Text that JSON can carry but UTF-8 cannot (lone surrogates) → 422 with its path, everywhere a client sends
text, and the kept-alive connection stays usable (issue 13, point 1: a 500 and a dropped connection)."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from tests.e2e.hostile import KeptConnection, World, serve_world

AT = "2026-01-01T00:00:00Z"
ESCAPED = "\\ud800"  # as it appears in JSON text: a backslash escape of a lone high surrogate
RAW = "\ud800".encode("utf-8", "surrogatepass")  # the same surrogate sent as (invalid) UTF-8 bytes


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    yield from serve_world(tmp_path_factory.mktemp("hostile-text"))


def _body(template: str) -> bytes:
    return template.replace("<S>", ESCAPED).encode()


def _assert_422_at(reply, path: str) -> None:
    assert reply.status == 422, reply.body
    document = reply.json()
    assert document["error"] == "validation_error"
    assert [d["path"] for d in document["details"]] == [path]


def test_a_lone_surrogate_in_an_answer_is_422_and_the_connection_lives_on(world):
    conn = KeptConnection(world.url)
    path = f"/v1/runs/{world.run_id}/answers/s-text"
    bad = conn.send("PUT", path, _body('{"value":"<S>","at":"2026-01-01T00:00:00Z"}'), world.executor)
    _assert_422_at(bad, "value")
    raw = conn.send("PUT", path, b'{"value":"' + RAW + b'","at":"' + AT.encode() + b'"}', world.executor)
    _assert_422_at(raw, "value")
    # The same connection still serves, and nothing was stored by the refused answers.
    good = conn.send("PUT", path, json.dumps({"value": "fine \U0001f600", "at": AT}).encode(), world.executor)
    assert good.status == 200 and good.json()["answer"]["value"] == "fine \U0001f600"
    state = conn.send("GET", f"/v1/runs/{world.run_id}/state", headers=world.executor).json()
    assert state["answers"]["s-text"]["value"] == "fine \U0001f600"
    conn.close()


def test_a_lone_surrogate_in_a_sync_op_is_422_with_the_op_path(world):
    run_id, token = world.open_another_run()
    conn = KeptConnection(world.url)
    auth = {"Authorization": f"Bearer {token}"}
    ok_op = '{"op_id":"op-1","step_id":"s-text","value":"a","at":"2026-01-01T00:00:00Z"}'
    for op, where in [
        ('{"op_id":"<S>","step_id":"s-text","value":"a","at":"2026-01-01T00:00:00Z"}', "ops[1].op_id"),
        ('{"op_id":"op-2","step_id":"<S>","value":"a","at":"2026-01-01T00:00:00Z"}', "ops[1].step_id"),
        ('{"op_id":"op-2","step_id":"s-text","value":"<S>","at":"2026-01-01T00:00:00Z"}', "ops[1].value"),
        ('{"op_id":"op-2","step_id":"s-text","value":"a","at":"<S>"}', "ops[1].at"),
        (
            '{"op_id":"op-2","step_id":"s-text","value":{"<S>":1},"at":"2026-01-01T00:00:00Z"}',
            "ops[1].value.\\ud800",
        ),
    ]:
        reply = conn.send("POST", f"/v1/runs/{run_id}/sync", _body(f'{{"ops":[{ok_op},{op}]}}'), auth)
        _assert_422_at(reply, where)
    # Nothing of the refused batches was applied: op-1 is new when sent alone.
    reply = conn.send("POST", f"/v1/runs/{run_id}/sync", f'{{"ops":[{ok_op}]}}'.encode(), auth)
    assert reply.status == 200 and reply.json()["results"][0]["status"] == "applied"
    conn.close()


@pytest.mark.parametrize(
    ("method", "path", "body", "where", "credential"),
    [
        ("POST", "/v1/templates", '{"name":"<S>","sections":[]}', "name", "api"),
        ("POST", "/v1/templates/generate", '{"prompt":"a checklist <S>"}', "prompt", "api"),
        ("POST", "/v1/runs", '{"template_id":"TID","executor_ref":"<S>"}', "executor_ref", "api"),
        (
            "POST",
            "/v1/runs",
            '{"template_id":"TID","webhook":{"url":"https://x.example/<S>"}}',
            "webhook.url",
            "api",
        ),
        ("PATCH", "/v1/org", '{"name":"<S>"}', "name", "api"),
        ("POST", "/v1/api-keys", '{"name":"<S>"}', "name", "api"),
        ("POST", "/v1/members", '{"name":"<S>","email":"a@b.example"}', "name", "api"),
        ("PATCH", "/v1/templates/TID", '{"description":"<S>"}', "description", "api"),
        ("POST", "/v1/runs/RID/exit", '{"reason":"<S>"}', "reason", "executor"),
        ("POST", "/v1/runs/RID/complete", '{"at":"<S>"}', "at", "executor"),
    ],
)
def test_every_text_a_client_sends_is_checked(world, method, path, body, where, credential):
    conn = KeptConnection(world.url)
    path = path.replace("TID", world.template_id).replace("RID", world.run_id)
    body = body.replace("TID", world.template_id)
    reply = conn.send(method, path, _body(body), getattr(world, credential))
    _assert_422_at(reply, where)
    assert conn.send("GET", "/v1/health").status == 200
    conn.close()


def test_open_with_a_surrogate_name_is_422_and_leaves_the_run_unopened(world):
    with httpx.Client(base_url=world.url, headers=world.api, timeout=60) as http:
        run_id = http.post("/v1/runs", json={"template_id": world.template_id}).json()["run_id"]
        conn = KeptConnection(world.url)
        reply = conn.send("POST", f"/v1/runs/{run_id}/open", _body('{"name":"<S>"}'))
        _assert_422_at(reply, "name")
        assert http.get(f"/v1/runs/{run_id}").json()["status"] == "pending"
        conn.close()


def test_a_proper_surrogate_pair_is_text_and_is_stored(world):
    conn = KeptConnection(world.url)
    body = '{"value":"\\ud83d\\ude00","at":"2026-01-01T00:00:00Z"}'  # 😀 escaped as a pair: valid JSON text
    reply = conn.send("PUT", f"/v1/runs/{world.run_id}/answers/s-text", body.encode(), world.executor)
    assert reply.status == 200 and reply.json()["answer"]["value"] == "\U0001f600"
    conn.close()
