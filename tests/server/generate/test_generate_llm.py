"""The LLM backend against a real (fake) OpenAI-compatible server on 127.0.0.1: no mocked httpx."""

from __future__ import annotations

import asyncio
import copy
import json
import socket
from typing import Any

import httpx
import pytest

from server.services.generate import (
    GenerationResult,
    LlmConfig,
    extract_json,
    generate_template,
    offline_template,
)
from server.services.generate.llm import SYSTEM_PROMPT, system_prompt
from server.services.generate.obvious_flags import with_obvious_flags
from server.services.library import get_template
from server.tdl import TdlError, normalize_template, validate_template
from tests.server.generate.fake_llm import Answer, FakeLlm, Seen

PROMPT = "Hotel room inspection: bed made, minibar stocked, photo of the room."
HOTEL = get_template("hotel-room-inspection")

GOOD: dict[str, Any] = {
    "name": "Hotel room inspection",
    "description": "Room check before the next guest",
    "tags": ["hotel", "inspection"],
    "settings": {"allow_skip": False, "signature_on_complete": False, "est_minutes": 5},
    "sections": [
        {
            "id": "g-room",
            "title": "Room",
            "steps": [
                {
                    "id": "s-bed",
                    "type": "boolean",
                    "label": "Bed made?",
                    "config": {"true_label": "Yes", "false_label": "No"},
                },
                {
                    "id": "s-bed-problem",
                    "type": "text",
                    "label": "Describe the problem",
                    "required": True,
                    "photo": {"min": 1, "max": 6},
                    "condition": {"when": {"step": "s-bed", "op": "eq", "value": False}},
                    "config": {"multiline": True},
                },
                {
                    "id": "s-minibar",
                    "type": "choice",
                    "label": "Minibar",
                    "config": {
                        "options": [{"id": "o-full", "label": "Stocked"}, {"id": "o-low", "label": "Low"}]
                    },
                },
                {
                    "id": "s-photo",
                    "type": "photo",
                    "label": "Photo of the room",
                    "config": {"min": 1, "max": 3},
                },
            ],
        }
    ],
    "execution": {"scope": "any", "identity_required": "none"},
}


def _broken() -> dict[str, Any]:
    """GOOD with two mistakes a model makes: options without ids and a condition on a later step."""
    data = copy.deepcopy(GOOD)
    steps = data["sections"][0]["steps"]
    steps[2]["config"]["options"] = [{"label": "Stocked"}, {"label": "Low"}]
    steps[1]["condition"]["when"]["step"] = "s-photo"
    return data


def _details(data: dict[str, Any]) -> list[dict[str, str]]:
    try:
        validate_template(data)
    except TdlError as exc:
        return exc.details
    raise AssertionError("expected an invalid template")


def _config(fake: FakeLlm, **kw: Any) -> LlmConfig:
    return LlmConfig(base_url=fake.base_url, model=kw.pop("model", "fake-model"), **kw)


def _run(coro: Any) -> GenerationResult:
    return asyncio.run(coro)


def test_valid_answer_is_used(fake_llm: FakeLlm) -> None:
    fake_llm.answer_with(json.dumps(GOOD))
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "llm" and result.notes == []
    # The LLM's template as it answered, with the findings its wording makes obvious (SPEC §14).
    assert result.template == normalize_template(validate_template(with_obvious_flags(GOOD)))
    assert result.template["sections"][0]["steps"][0]["flag"] is False  # "Bed made?": a finding when no
    assert "id" not in result.template
    [seen] = fake_llm.requests
    assert seen.path == "/v1/chat/completions"
    assert seen.body["model"] == "fake-model"
    assert seen.body["temperature"] == 0
    assert seen.body["response_format"] == {"type": "json_object"}
    assert seen.body["messages"] == [
        {"role": "system", "content": system_prompt(("Hotel room inspection", HOTEL.untranslated()))},
        {"role": "user", "content": PROMPT},
    ]
    assert seen.body["messages"][0]["content"].startswith(SYSTEM_PROMPT)
    assert "authorization" not in seen.headers
    assert result.library == "hotel-room-inspection" and result.model == "fake-model"


def test_without_a_library_match_the_llm_gets_no_example(fake_llm: FakeLlm) -> None:
    fake_llm.answer_with(json.dumps(GOOD))
    result = _run(generate_template("Bouncy castle: blower working, stakes in", _config(fake_llm)))
    assert result.source == "llm" and result.library is None
    assert fake_llm.requests[0].body["messages"][0] == {"role": "system", "content": SYSTEM_PROMPT}


def test_fenced_answer_with_prose_and_server_fields_is_accepted(fake_llm: FakeLlm) -> None:
    stored = {"id": "t-123", "v": 1, "org_id": "org-1", **GOOD}
    fake_llm.answer_with(f"Here is your template:\n```json\n{json.dumps(stored, indent=2)}\n```\nEnjoy!")
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "llm"
    assert result.template["name"] == "Hotel room inspection" and "id" not in result.template


def test_invalid_answer_is_repaired_once_with_the_validation_details(fake_llm: FakeLlm) -> None:
    broken = json.dumps(_broken())
    expected = _details(_broken())
    assert len(expected) >= 2

    def repair(seen: Seen) -> Answer:
        messages = seen.body["messages"]
        last = messages[-1]["content"]
        ok = messages[-2] == {"role": "assistant", "content": broken} and all(
            d["path"] in last and d["message"] in last for d in expected
        )
        return Answer(content=json.dumps(GOOD) if ok else "not what I was told")

    fake_llm.script = [lambda _s: Answer(content=broken), repair]
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "llm_repaired", result.notes
    assert result.template == normalize_template(validate_template(with_obvious_flags(GOOD)))
    assert len(fake_llm.requests) == 2


def test_garbage_twice_falls_back_to_the_offline_template(fake_llm: FakeLlm) -> None:
    fake_llm.answer_with("I cannot help with that.", '{"name": ""')
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "fallback"
    assert result.template == offline_template(PROMPT)
    assert len(result.notes) == 2 and all("LLM" in n for n in result.notes)
    assert len(fake_llm.requests) == 2
    assert "JSON object" in fake_llm.requests[1].body["messages"][-1]["content"]


def test_a_server_that_sleeps_past_the_timeout_falls_back_in_time(fake_llm: FakeLlm) -> None:
    # An answer an hour away: only the 1 s timeout can end the wait before the test's own 300 s limit.
    fake_llm.script = [lambda _s: Answer(content=json.dumps(GOOD), delay=3600.0)]
    result = _run(generate_template(PROMPT, _config(fake_llm, timeout_s=1.0)))
    assert result.source == "fallback" and result.template == offline_template(PROMPT)
    assert result.notes


def test_the_timeout_bounds_the_whole_exchange_not_each_call(fake_llm: FakeLlm) -> None:
    broken = json.dumps(_broken())
    fake_llm.script = [
        lambda _s: Answer(content=broken, delay=0.7),
        lambda _s: Answer(content=json.dumps(GOOD), delay=0.7),
    ]
    result = _run(generate_template(PROMPT, _config(fake_llm, timeout_s=1.0)))
    assert result.source == "fallback"  # each call alone fits in 1 s: only a bound on both together ends it


def test_api_key_is_sent_as_bearer(fake_llm: FakeLlm) -> None:
    fake_llm.answer_with(json.dumps(GOOD))
    result = _run(generate_template(PROMPT, _config(fake_llm, api_key="sk-test-123")))
    assert result.source == "llm"
    assert fake_llm.requests[0].headers["authorization"] == "Bearer sk-test-123"


@pytest.mark.parametrize("status", [400, 401, 429, 500, 503])
def test_non_2xx_falls_back_without_a_repair_round(fake_llm: FakeLlm, status: int) -> None:
    fake_llm.script = [lambda _s: Answer(status=status, body='{"error": "nope"}')]
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "fallback" and str(status) in result.notes[0]
    assert len(fake_llm.requests) == 1


def test_a_response_that_is_no_chat_completion_falls_back(fake_llm: FakeLlm) -> None:
    fake_llm.script = [lambda _s: Answer(status=200, body="<html>proxy error</html>")]
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "fallback"


def test_unreachable_server_falls_back() -> None:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    # An hour's timeout: the refused connection itself must end the wait (else the test's 300 s limit does).
    config = LlmConfig(base_url=f"http://127.0.0.1:{port}/v1", model="m", api_key=None, timeout_s=3600)
    result = _run(generate_template(PROMPT, config))
    assert result.source == "fallback" and result.notes


def test_a_given_client_is_used_and_left_open(fake_llm: FakeLlm) -> None:
    fake_llm.answer_with(json.dumps(GOOD))

    async def go() -> tuple[GenerationResult, bool]:
        async with httpx.AsyncClient(headers={"X-Test": "yes"}) as client:
            result = await generate_template(PROMPT, _config(fake_llm), client=client)
            return result, client.is_closed

    result, closed = asyncio.run(go())
    assert result.source == "llm" and closed is False
    assert fake_llm.requests[0].headers["x-test"] == "yes"


def test_without_llm_the_offline_generator_answers() -> None:
    result = _run(generate_template(PROMPT))
    assert result.source == "offline" and result.notes == []
    assert result.template == offline_template(PROMPT)


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ('{"name": "a"}', "a"),
        ('```json\n{"name": "b"}\n```', "b"),
        ('Sure! {"name": "c", "x": {"y": 1}} Hope that helps.', "c"),
        ('```\n{"name": "d"}\n```', "d"),
    ],
)
def test_extract_json_tolerates_fences_and_prose(text: str, name: str) -> None:
    assert (extract_json(text) or {}).get("name") == name


def test_extract_json_finds_nothing_in_garbage() -> None:
    assert extract_json("no json here") is None
    assert extract_json("[1, 2, 3]") is None


def _deep_condition(depth: int) -> str:
    """GOOD with a condition nested `depth` times: it decodes, yet overflows a recursive validator."""
    data = copy.deepcopy(GOOD)
    when: dict[str, Any] = {"step": "s-bed", "op": "eq", "value": False}
    text = json.dumps(when)
    for _ in range(depth):
        text = '{"all": [' + text + "]}"
    data["sections"][0]["steps"][1]["condition"] = {"when": "@WHEN@"}
    return json.dumps(data).replace('"@WHEN@"', text)


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param(Answer(content='{"a":' * 50000 + "1" + "}" * 50000), id="content-nested-50000"),
        pytest.param(Answer(status=200, body="[" * 100000 + "]" * 100000), id="body-nested-100000"),
        pytest.param(Answer(content=_deep_condition(450)), id="condition-nested-450"),
    ],
)
def test_an_answer_nested_too_deeply_falls_back(fake_llm: FakeLlm, answer: Answer) -> None:
    # A RecursionError in the decoder or the validator escaped as a 500 (audit E, finding 1).
    fake_llm.script = [lambda _s: answer, lambda _s: answer]
    result = _run(generate_template(PROMPT, _config(fake_llm)))
    assert result.source == "fallback" and result.notes
    assert result.template == offline_template(PROMPT)


def test_extract_json_gives_up_on_a_nest_deeper_than_its_stack() -> None:
    assert extract_json('{"a":' * 50000 + "1" + "}" * 50000) is None
