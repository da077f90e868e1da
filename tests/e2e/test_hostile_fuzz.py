"""A bounded fuzz of every JSON body the API takes (found in its OpenAPI document) with hostile values: lone
surrogates, NUL, 1 MB strings, 10,000-deep nesting, huge and non-finite numbers. Each goes in at every leaf
of a valid body; nothing may answer 5xx or drop the kept-alive connection (issue 13)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.e2e.hostile import KeptConnection, World, serve_world

AT = "2026-01-01T00:00:00Z"
DEEP = 10_000
# Raw JSON text: some of these are not even Python-serialisable (too deep, too long a number).
SMALL_HOSTILE = [
    json.dumps("\ud800"),  # a lone surrogate, escaped
    json.dumps("a\u0000b"),  # NUL inside a string
    "1e400",  # overflows a double
    "-1e400",
    "9" * 5000,  # more digits than Python parses by default
    "NaN",  # not JSON, yet Python's parser takes it
    str(2**64),
    "-0",
]
BIG_HOSTILE = [
    json.dumps("x" * 1_000_000),  # 1 MB string, just under the JSON body limit
    "[" * DEEP + "]" * DEEP,  # 10,000-deep nesting
    '{"a":' * DEEP + "1" + "}" * DEEP,
]
SENTINEL = "__HOSTILE__"


def base_bodies(world: World) -> dict[tuple[str, str], Any]:
    """A valid body for each operation, keyed by (method, OpenAPI path)."""
    step = {"id": "s-1", "type": "boolean", "label": "All good?"}
    template = {
        "name": "Fuzzed",
        "description": "d",
        "tags": ["t"],
        "settings": {"allow_skip": True, "est_minutes": 5},
        "sections": [{"id": "g-1", "title": "Main", "steps": [step]}],
    }
    answer = {"value": True, "geo": {"lat": 1.0, "lng": 2.0, "accuracy_m": 3.0}, "at": AT, "skipped": False}
    return {
        ("post", "/v1/runs"): {
            "template_id": world.template_id,
            "webhook": {"url": "https://hooks.example/x", "secret": "s", "events": ["run.completed"]},
            "expires_in_hours": 24,
            "executor_ref": "ref",
        },
        ("post", "/v1/templates"): template,
        ("post", "/v1/templates/generate"): {"prompt": "A vehicle inspection"},
        ("patch", "/v1/templates/{template_id}"): template,
        ("patch", "/v1/org"): {"name": "Acme", "settings": {"default_expires_in_hours": 48}},
        ("post", "/v1/api-keys"): {"name": "k"},
        ("post", "/v1/members"): {"name": "n", "email": "n@example.com"},
        ("post", "/v1/runs/{run_id}/open"): {"name": "n", "email": "n@example.com"},
        ("put", "/v1/runs/{run_id}/answers/{step_id}"): answer,
        ("post", "/v1/runs/{run_id}/sync"): {"ops": [{"op_id": "op-1", "step_id": "s-1", **answer}]},
        ("post", "/v1/runs/{run_id}/complete"): {"at": AT},
        ("post", "/v1/runs/{run_id}/exit"): {"reason": "r"},
    }


def leaves(value: Any, loc: tuple = ()) -> Iterator[tuple]:
    """Every location in `value`, containers included (a hostile value may replace a whole object)."""
    if loc:
        yield loc
    if isinstance(value, dict):
        for key, item in value.items():
            yield from leaves(item, (*loc, key))
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from leaves(item, (*loc, i))


def with_hostile(body: Any, loc: tuple, raw: str) -> bytes:
    """`body` as JSON text with the value at `loc` replaced by the raw JSON text `raw`."""
    copy = json.loads(json.dumps(body))
    target = copy
    for part in loc[:-1]:
        target = target[part]
    target[loc[-1]] = SENTINEL
    return json.dumps(copy).replace(json.dumps(SENTINEL), raw, 1).encode()


@pytest.fixture(scope="module")
def world(tmp_path_factory) -> Iterator[World]:
    yield from serve_world(tmp_path_factory.mktemp("hostile-fuzz"))


def json_operations(url: str) -> list[tuple[str, str, dict]]:
    document = httpx.get(f"{url}/v1/openapi.json", timeout=60).json()
    found = []
    for path, operations in document["paths"].items():
        for method, operation in operations.items():
            if "application/json" in operation.get("requestBody", {}).get("content", {}):
                found.append((method, path, operation))
    return found


def test_every_json_body_survives_hostile_values(world):
    bases = base_bodies(world)
    operations = json_operations(world.url)
    assert len(operations) >= len(bases)
    conn = KeptConnection(world.url, timeout=120)
    sent = 0
    for method, path, operation in operations:
        base = bases.get((method, path), {"name": "x"})  # an operation added later still gets fuzzed
        schemes = {name for requirement in operation.get("security", []) for name in requirement}
        run_id, token = world.open_another_run()  # executor operations change the run: a fresh one each
        headers = {"Authorization": f"Bearer {token if 'ExecutorToken' in schemes else world.key}"}
        if path == "/v1/runs/{run_id}/open":
            run_id = httpx.post(
                f"{world.url}/v1/runs", json={"template_id": world.template_id}, headers=world.api
            ).json()["run_id"]
            headers = {}
        target = (
            path.replace("{run_id}", run_id)
            .replace("{step_id}", "s-text")
            .replace("{template_id}", world.template_id)
        )
        bodies = [with_hostile(base, loc, raw) for loc in leaves(base) for raw in SMALL_HOSTILE]
        first = next(leaves(base))
        bodies += [with_hostile(base, first, raw) for raw in BIG_HOSTILE]
        bodies += [raw.encode() for raw in [*SMALL_HOSTILE, *BIG_HOSTILE]]  # the whole body hostile
        for body in bodies:
            reply = conn.send(method.upper(), target, body, headers)
            sent += 1
            assert reply.status < 500, (method, target, body[:200], reply.body[:500])
            if reply.headers.get("content-type", "").startswith("application/json"):
                reply.json()  # a well-formed answer, whatever it says
    conn.close()
    assert sent > 300
