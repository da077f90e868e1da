"""An integer outside 64 bits is refused with the body, on every endpoint, before anything is written: it was
a 500 from orjson (every stored document), and the next request on the connection was reset. (U+0000, the
other value a store cannot keep: tests/server/test_nul_text.py.)"""

from __future__ import annotations

from tests.support.executor import NOW, Executor
from tests.support.fixtures import sql
from tests.support.samples import minimal

BIG = 10**30


def _number_template(**config) -> dict:
    steps = [
        {"id": "s-a", "type": "boolean", "label": "OK?", "geo": True},
        {"id": "s-n", "type": "number", "label": "Km", **config},
    ]
    return {"name": "Numbers", "sections": [{"id": "g-1", "title": "Main", "steps": steps}]}


def _refused(r, *paths: str) -> None:
    assert r.status_code == 422, r.text
    body = r.json()
    assert body["error"] == "validation_error", body
    assert [d["path"] for d in body["details"]] == list(paths), body


def test_an_integer_outside_64_bits_is_refused_by_path_on_every_body(api):
    ex = Executor.start(api, _number_template())
    assert ex.answer("s-n", 5).status_code == 200  # an answer stored already: `_same` compares with it
    templates = sql(api, "SELECT count(*) FROM templates")[0][0]
    min_max = _number_template(config={"min": -BIG, "max": BIG})
    _refused(
        api.post("/v1/templates", json=min_max),
        "sections[0].steps[1].config.max",
        "sections[0].steps[1].config.min",
    )
    condition = _number_template(condition={"when": {"step": "s-a", "op": "in", "value": [BIG]}})
    _refused(api.post("/v1/templates", json=condition), "sections[0].steps[1].condition.when.value[0]")
    _refused(
        api.post("/v1/templates", json=_number_template(flag={"below": -BIG})),
        "sections[0].steps[1].flag.below",
    )
    template_id = api.post("/v1/templates", json=minimal()).json()["id"]
    _refused(
        api.patch(f"/v1/templates/{template_id}", json=min_max),
        "sections[0].steps[1].config.max",
        "sections[0].steps[1].config.min",
    )
    assert sql(api, "SELECT count(*) FROM templates")[0][0] == templates + 1
    assert api.get(f"/v1/templates/{template_id}").json()["v"] == 1
    _refused(ex.answer("s-n", BIG), "value")
    _refused(ex.answer("s-a", True, geo={"lat": 1, "lng": 1, "accuracy_m": BIG}), "geo.accuracy_m")
    _refused(
        ex.sync(
            [
                {
                    "op_id": "op-1",
                    "step_id": "s-a",
                    "value": True,
                    "at": NOW,
                    "geo": {"lat": 1, "lng": 1, "accuracy_m": -BIG},
                }
            ]
        ),
        "ops[0].geo.accuracy_m",
    )
    answers = ex.state()["answers"]
    assert answers["s-n"]["value"] == 5 and "s-a" not in answers
    # The edges of 64 bits are kept as sent (a step's bounds may be as wide as that)
    edges = _number_template(config={"min": -(2**63), "max": 2**63 - 1})
    assert api.post("/v1/templates", json=edges).status_code == 201
    _refused(
        api.post("/v1/templates", json=_number_template(config={"max": 2**63})),
        "sections[0].steps[1].config.max",
    )
