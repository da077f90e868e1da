"""Conformance vectors for the browser runner's rules (server/api/runner/rules.js), generated from server.tdl.

The JavaScript that shows steps, checks answers and counts progress must agree with the server exactly, so
the truth is computed here by `server.tdl` itself: seeded random templates (every step type, every operator
of every type, nested all/any, cascades through hidden steps, skip and signature settings) × random answer
maps → visible steps, progress and completion problems; and random values (valid and not) for every type →
the answer check's details. `python -m tests.support.conformance OUT.json` writes them for a look.
"""

from __future__ import annotations

import json
import random
import sys
from typing import Any

from server import tdl

VALUE_POOLS: dict[str, list[Any]] = {
    "boolean": [True, False],
    "number": [0, 3, 7.5, 12, 40, 99.25],
    "text": ["ok", "leak found", "all clear", "needs a leak check"],
    "choice": ["o-a", "o-b", "o-c"],
    "multi_choice": [["o-a"], ["o-b", "o-c"], ["o-a", "o-c"], []],
    "rating": [1, 2, 3, 4, 5],
    "date": ["2026-01-05", "2026-03-01", "2026-06-30", "2026-12-31"],
    "time": ["00:00", "08:30", "12:00", "23:59"],
}
SOURCE_TYPES = [*VALUE_POOLS, "photo", "signature"]


def _options(step_id: str) -> list[dict[str, str]]:
    """Option ids are unique within a template: each step's carry its own id (`o-src4-a`)."""
    return [{"id": f"o-{step_id[2:]}-{c}", "label": f"Option {c.upper()}"} for c in "abc"]


def pool(step: dict[str, Any]) -> list[Any]:
    """Valid values of a step (option ids are the step's own)."""
    values = VALUE_POOLS.get(step["type"], [])
    if step["type"] in ("choice", "multi_choice"):
        prefix = f"o-{step['id'][2:]}-"
        return [
            [prefix + v[2:] for v in value] if isinstance(value, list) else prefix + value[2:]
            for value in values
        ]
    return values


# Values an answer check sees beyond the valid ones: wrong types, out of range, malformed.
BAD_VALUES: list[Any] = [
    True,
    False,
    0,
    -5,
    1.5,
    0.123,
    1e-7,
    150,
    1000000,
    2**53,  # past what every client keeps exactly (tdl's LARGEST_EXACT)
    -(2**53),
    "",
    "  ",
    "ok",
    "o-a",
    "o-z",
    "2026-02-30",
    "2026-13-01",
    "2026-1-5",
    "24:00",
    "7:30",
    "12:60",
    ["o-a", "o-a"],
    ["o-z"],
    ["o-a", "o-b", "o-c"],
    [1],
    {"a": 1},
]
GEOS: list[Any] = [
    None,
    {"lat": 48.1, "lng": 11.5, "accuracy_m": 12},
    {"lat": 91, "lng": 0},
    {"lng": 5},
    {"lat": 1, "lng": 2, "accuracy_m": -1},
    {"lat": 1, "lng": 2, "alt": 3},
    "here",
]


def _config(kind: str, rnd: random.Random, step_id: str) -> dict[str, Any]:
    if kind == "number":
        # unbounded too: tdl's own limit (LARGEST_EXACT) then applies
        low, high = rnd.choice([(0, 50), (0, 100), (None, 100), (None, None)])
        return {"unit": "bar", "min": low, "max": high, "decimal": rnd.choice([0, 1, 2, None])}
    if kind == "text":
        return {"multiline": rnd.random() < 0.5, "max_length": rnd.choice([5, 20, None])}
    if kind == "choice":
        return {"options": _options(step_id)}
    if kind == "multi_choice":
        return {
            "options": _options(step_id),
            "min_selected": rnd.choice([0, 1, 2]),
            "max_selected": rnd.choice([2, 3, None]),
        }
    if kind == "rating":
        return {"min": rnd.choice([0, 1]), "max": rnd.choice([5, 10])}
    if kind == "photo":
        low = rnd.choice([0, 1, 2])
        return {"min": low, "max": low + rnd.choice([1, 3])}
    if kind == "date":
        return {"min": "2026-01-01", "max": rnd.choice(["2026-12-31", "2026-06-30"])}
    if kind == "instruction":
        return {"body": "Read this first."}
    return {}


def _leaf(source: dict[str, Any], op: str, rnd: random.Random) -> dict[str, Any]:
    values = pool(source)
    if op in ("answered", "not_answered"):
        return {"step": source["id"], "op": op}
    if op in ("in", "not_in"):
        return {"step": source["id"], "op": op, "value": rnd.sample(values, k=min(2, len(values)))}
    if op == "contains":
        value = (
            rnd.choice(_options(source["id"]))["id"]
            if source["type"] == "multi_choice"
            else rnd.choice(["leak", "ok", "x"])
        )
        return {"step": source["id"], "op": op, "value": value}
    return {"step": source["id"], "op": op, "value": rnd.choice(values)}


def make_template(seed: int) -> dict[str, Any]:
    """A valid template: one source step of each type, then steps conditioned on them by every operator."""
    rnd = random.Random(seed)
    sources = []
    for n, kind in enumerate(SOURCE_TYPES):
        step = {"id": f"s-src{n}", "type": kind, "label": f"Source {kind}", "required": rnd.random() < 0.7}
        step["config"] = _config(kind, rnd, step["id"])
        if kind not in ("photo", "signature") and rnd.random() < 0.25:
            step["photo"] = {"min": rnd.choice([1, 2]), "max": 3}
        if rnd.random() < 0.15:
            step["geo"] = True
        sources.append(step)
    sources.insert(
        rnd.randrange(len(sources)),
        {
            "id": "s-intro",
            "type": "instruction",
            "label": "Intro",
            "config": _config("instruction", rnd, "s-intro"),
        },
    )
    conditional: list[dict[str, Any]] = []
    answerable = [s for s in sources if s["type"] != "instruction"]
    for source in answerable:
        ops = list(tdl.OPS_BY_TYPE[source["type"]])
        for op in rnd.sample(ops, k=min(len(ops), rnd.choice([2, 3, len(ops)]))):
            kind = rnd.choice(["boolean", "text", "choice", "photo", "number", "instruction"])
            step_id = f"s-c{len(conditional)}"
            step = {
                "id": step_id,
                "type": kind,
                "label": f"When {source['type']} {op}",
                "required": rnd.random() < 0.8,
                "config": _config(kind, rnd, step_id),
                "condition": {"when": _leaf(source, op, rnd)},
            }
            conditional.append(step)
    for n in range(4):  # groups, nested, and cascades through conditional (maybe hidden) steps
        earlier = answerable + [c for c in conditional if c["type"] in ("boolean", "choice", "text")]
        leaves = []
        for src in rnd.sample(earlier, k=3):
            leaves.append(_leaf(src, rnd.choice(tdl.OPS_BY_TYPE[src["type"]]), rnd))
        when = {rnd.choice(["all", "any"]): [leaves[0], {rnd.choice(["all", "any"]): leaves[1:]}]}
        conditional.append(
            {
                "id": f"s-g{n}",
                "type": "boolean",
                "label": f"Group {n}",
                "config": {},
                "condition": {"when": when},
            }
        )
    template = {
        "name": f"Conformance {seed}",
        "settings": {"allow_skip": rnd.random() < 0.5, "signature_on_complete": rnd.random() < 0.3},
        "sections": [
            {"id": "g-first", "title": "First", "steps": sources},
            {"id": "g-second", "title": "Then", "steps": conditional},
        ],
    }
    return tdl.Template.model_validate(template).model_dump(mode="json")


def make_answers(template: dict[str, Any], rnd: random.Random) -> dict[str, Any]:
    """A random answer map: some steps answered (valid values), some skipped, some with photos/geo."""
    answers: dict[str, Any] = {}
    fill = rnd.choice([0.3, 0.7, 1.0])
    for section in template["sections"]:
        for step in section["steps"]:
            if step["type"] == "instruction" or rnd.random() > fill:
                continue
            entry: dict[str, Any] = {"value": None, "photos": [], "skipped": False, "geo": None}
            if rnd.random() < 0.1:
                entry["skipped"] = True
            elif step["type"] in ("photo", "signature"):
                entry["photos"] = [{"photo_index": i} for i in range(rnd.choice([0, 1, 2, 3]))]
            else:
                entry["value"] = rnd.choice(pool(step))
                if step.get("photo"):
                    entry["photos"] = [{"photo_index": i} for i in range(rnd.choice([0, 1, 2]))]
                if step.get("geo") and rnd.random() < 0.6:
                    entry["geo"] = {"lat": 48.1, "lng": 11.5, "accuracy_m": 10}
            answers[step["id"]] = entry
    return answers


TEMPLATES = 40


def state_vectors(templates: int = TEMPLATES, answer_sets: int = 8) -> list[dict[str, Any]]:
    out = []
    for seed in range(templates):
        template = make_template(seed)
        rnd = random.Random(10_000 + seed)
        for _ in range(answer_sets):
            answers = make_answers(template, rnd)
            signed = rnd.random() < 0.5
            out.append(
                {
                    "template": seed,
                    "answers": answers,
                    "has_signature": signed,
                    "visible": sorted(tdl.visible_step_ids(template, answers)),
                    "progress": tdl.compute_progress(template, answers),
                    "problems": tdl.completion_problems(template, answers, has_run_signature=signed),
                }
            )
    return out


def check_vectors(templates: int = 6) -> list[dict[str, Any]]:
    out = []
    for seed in range(templates):
        template = make_template(seed)
        rnd = random.Random(20_000 + seed)
        for section in template["sections"]:
            for step in section["steps"]:
                values = pool(step) + BAD_VALUES
                for value in [None, *rnd.sample(values, k=min(len(values), 8))]:
                    skipped = rnd.random() < 0.1
                    geo = rnd.choice(GEOS) if rnd.random() < 0.3 else None
                    details = tdl.check_answer(template, step["id"], value, skipped=skipped, geo=geo)
                    out.append(
                        {
                            "template": seed,
                            "step_id": step["id"],
                            "value": value,
                            "skipped": skipped,
                            "geo": geo,
                            "details": details,
                        }
                    )
        out.append(
            {
                "template": seed,
                "step_id": "s-nope",
                "value": 1,
                "skipped": False,
                "geo": None,
                "details": tdl.check_answer(template, "s-nope", 1),
            }
        )
    return out


def vectors() -> dict[str, list[dict[str, Any]]]:
    """Templates once (vectors name theirs by index), then the state and the check vectors."""
    return {
        "templates": [make_template(seed) for seed in range(TEMPLATES)],
        "states": state_vectors(),
        "checks": check_vectors(),
    }


if __name__ == "__main__":
    data = vectors()
    with open(sys.argv[1], "w") as f:
        json.dump(data, f)
    print(f"{len(data['states'])} state vectors, {len(data['checks'])} check vectors")
