"""`POST /v1/templates/generate` over HTTP says how it made the template: the path, the library template
it started from (or gave the LLM as its example), the items added, the model."""

from __future__ import annotations

import json
from urllib.parse import unquote

import httpx

from server.services.library import get_template
from tests.server.generate.fake_llm import Answer, FakeLlm, Seen
from tests.server.generate.test_generate_library import ISSUE_PROMPT

GENERATE = "/v1/templates/generate"


def test_offline_from_the_library_names_the_template_and_the_items_added(api) -> None:
    r = api.post(GENERATE, json={"prompt": ISSUE_PROMPT})
    assert r.status_code == 200
    assert r.headers["Rundun-Generator"] == "offline"
    assert r.headers["Rundun-Library-Template"] == "forklift-pre-shift"
    assert unquote(r.headers["Rundun-Library-Name"]) == "Forklift pre-shift check"
    assert r.headers["Rundun-Prompt-Items"] == "1"
    assert "Rundun-Generator-Model" not in r.headers
    assert api.post("/v1/templates", json=r.json()).status_code == 201


def test_offline_says_how_many_items_the_library_asked_already(api) -> None:
    prompt = (
        "Apartment move-out inspection: check each room for damage with photos, meter readings for electricity "
        "and water, number of keys returned, smoke detector works, tenant signature"
    )
    r = api.post(GENERATE, json={"prompt": prompt})
    assert r.headers["Rundun-Library-Template"] == "move-in-move-out"
    # Added: the damage in each room, the keys returned, the smoke detector; the two meter readings were asked.
    assert (r.headers["Rundun-Prompt-Items"], r.headers["Rundun-Prompt-Items-Covered"]) == ("3", "2")


def test_offline_without_a_library_match_says_none(api) -> None:
    r = api.post(GENERATE, json={"prompt": "Bouncy castle hire: blower fan working, anchor stakes in place"})
    assert r.status_code == 200
    assert r.headers["Rundun-Library-Template"] == "none"
    assert "Rundun-Library-Name" not in r.headers
    assert r.headers["Rundun-Prompt-Items"] == "2"


def test_the_openapi_document_declares_the_generator_headers(api) -> None:
    spec = api.get("/v1/openapi.json", auth=False).json()
    headers = spec["paths"][GENERATE]["post"]["responses"]["200"]["headers"]
    assert {
        "Rundun-Generator",
        "Rundun-Library-Template",
        "Rundun-Prompt-Items",
        "Rundun-Prompt-Items-Covered",
        "Rundun-Generator-Model",
    } <= set(headers)


def test_the_llm_gets_the_library_template_as_its_example_and_is_named(
    api_factory, fake_llm: FakeLlm
) -> None:
    example = get_template("hotel-room-inspection")
    answer = json.loads(json.dumps(example.template))
    answer["name"] = "Hotel room inspection with minibar"

    def reply(seen: Seen) -> Answer:
        return Answer(content=json.dumps(answer))

    fake_llm.script = [reply]
    api = api_factory(llm_base_url=fake_llm.base_url, llm_model="qwen-test", llm_timeout=20)
    r = api.post(GENERATE, json={"prompt": "Hotel room inspection, minibar stocked"})
    assert r.status_code == 200, r.text
    assert r.headers["Rundun-Generator"] == "llm"
    assert r.headers["Rundun-Generator-Model"] == "qwen-test"
    assert r.headers["Rundun-Library-Template"] == "hotel-room-inspection"
    assert r.json()["name"] == "Hotel room inspection with minibar"
    [seen] = fake_llm.requests
    system = seen.body["messages"][0]["content"]
    assert "'Hotel room inspection'" in system
    shown = json.loads(system[system.index("{", system.index("Start from it")) :])
    assert (
        shown == example.untranslated()
    )  # English alone: the translations would only make the prompt longer


def test_a_failing_llm_falls_back_to_the_library_and_says_so(api_factory, fake_llm: FakeLlm) -> None:
    api = api_factory(llm_base_url=fake_llm.base_url, llm_model="m", llm_timeout=20)
    fake_llm.answer_with("not json", "still not json")
    r = api.post(GENERATE, json={"prompt": ISSUE_PROMPT})
    assert r.status_code == 200
    assert r.headers["Rundun-Generator"] == "fallback"
    assert r.headers["Rundun-Library-Template"] == "forklift-pre-shift"
    assert "Rundun-Generator-Model" not in r.headers


def test_a_deeply_nested_llm_answer_falls_back_not_500(api_factory, fake_llm: FakeLlm) -> None:
    # It answered 500 internal_error: a RecursionError escaped the decoder (audit E, finding 1).
    api = api_factory(llm_base_url=fake_llm.base_url, llm_model="m", llm_timeout=20)
    deep = '{"a":' * 50000 + "1" + "}" * 50000
    fake_llm.answer_with(deep, deep)
    r = api.post(GENERATE, json={"prompt": ISSUE_PROMPT})
    assert r.status_code == 200
    assert r.headers["Rundun-Generator"] == "fallback"


def test_the_real_server_names_the_library_template(server_process) -> None:
    server, key = server_process
    with httpx.Client(base_url=server.url, headers={"Authorization": f"Bearer {key}"}, timeout=30) as http:
        r = http.post(GENERATE, json={"prompt": "scafolding inspection after high winds"})
        assert r.status_code == 200
        assert r.headers["Rundun-Library-Template"] == "scaffold-inspection"
        assert len([s for sec in r.json()["sections"] for s in sec["steps"]]) > 10


def test_an_unknown_field_is_refused_as_every_body_refuses_it(api) -> None:
    """It answered 200, the field ignored, where every other body answers 422."""
    r = api.post("/v1/templates/generate", json={"prompt": "car check", "x": 1})
    assert r.status_code == 422 and r.json()["error"] == "validation_error", r.text
    assert [d["path"] for d in r.json()["details"]] == ["x"]
