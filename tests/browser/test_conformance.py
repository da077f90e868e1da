"""One truth for the checklist rules: the runner's rules.js, run in Chromium as the phone runs it, must agree
with server.tdl on every conformance vector (visible steps, progress, completion problems, answer checks)."""

from __future__ import annotations

from pathlib import Path

from server.api import runner_assets
from tests.support import conformance

CHECKER = (Path(__file__).parent / "conformance.js").read_text()


def test_rules_js_agrees_with_server_tdl_on_every_vector(live, phone):
    data = conformance.vectors()
    assert len(data["states"]) >= 300 and len(data["checks"]) >= 1000
    page = phone.new_page()
    page.goto(f"{live.url}/v1/health")
    url = f"{live.url}{runner_assets.asset_url('rules.js')}"
    result = page.evaluate(CHECKER, [url, data])
    assert result["states"] == len(data["states"]) and result["checks"] == len(data["checks"])
    assert result["disagreements"] == 0, result["bad"]


def test_vectors_cover_every_operator_and_step_type():
    data = conformance.vectors()
    ops: set[str] = set()

    def walk(node: dict) -> None:
        for key in ("all", "any"):
            for child in node.get(key, []):
                walk(child)
        if "op" in node:
            ops.add(node["op"])

    types = set()
    for template in data["templates"]:
        for section in template["sections"]:
            for step in section["steps"]:
                types.add(step["type"])
                if step.get("condition"):
                    walk(step["condition"]["when"])
    from server import tdl

    assert ops == set(tdl.OPS)
    assert types == set(tdl.STEP_TYPES)
    assert {c["template"] for c in data["checks"]} and any(not s["problems"] for s in data["states"])
