"""Generation through an OpenAI-compatible chat completions API (OpenAI, Ollama, llama.cpp, vLLM …).

The model's answer is only a proposal: `server.tdl.validate_template` judges it, one repair round sends
the problems back, and anything else (a timeout, an unreachable server, a non-2xx, garbage) is the
caller's cue to fall back to the offline generator. The whole exchange shares one deadline.
"""

from __future__ import annotations

import asyncio
import json
import re
from dataclasses import dataclass
from typing import Any

import httpx

from server.tdl import TdlError, normalize_template, validate_template

# Fields the API assigns; a model that imitates a stored template may add them, and TDL forbids them.
SERVER_FIELDS = ("id", "v", "org_id", "created_at", "updated_at")
MAX_REPAIR_DETAILS = 60
TOO_DEEP = "the JSON nests too deeply; a template needs only a few levels"

SYSTEM_PROMPT = """You write checklist templates in TDL (Template Definition Language) as JSON.
Answer with ONE JSON object and nothing else: no prose, no code fences.

Template: {"name": str (1-200), "description": str, "tags": [lowercase words, <= 20],
 "settings": {"allow_skip": false, "signature_on_complete": bool, "est_minutes": int >= 1},
 "sections": [{"id": "g-…", "title": str, "steps": [step, …]}] (1-100 sections, 1-500 steps each),
 "execution": {"scope": "any", "identity_required": "none"}}
Do not include "id", "v" or "org_id" at the top level.

Step: {"id": "s-…", "type": T, "label": str (1-500), "hint": null, "required": true,
 "photo": false or {"min": a, "max": b} (photos taken with the answer, 0 <= a <= b <= 20),
 "geo": false, "condition": null or {"when": C}, "config": {…}, "flag": F}
F says which answers are a finding someone must act on, where the domain makes it obvious, else null:
boolean → the answer that means a problem (true/false); choice, multi_choice → [the bad options' ids];
number, rating → {"below": x, "above": y} (at least one; e.g. a fridge {"above": 5}, a 1-5 score {"below": 3}).
Types and their config:
- boolean: {"true_label": "Yes", "false_label": "No"}; label is a question ending in "?"
- number: {"unit": str, "min": n, "max": n, "decimal": 0-6} (readings and counts: odometer km, °C, psi, kg, %)
- text: {"multiline": bool, "placeholder": str, "max_length": <= 10000}
- choice: {"options": [{"id": "o-…", "label": str}, …]} (one answer; levels like Full/3/4/1/2/1/4/Empty)
- multi_choice: {"options": [...], "min_selected": n, "max_selected": n}
- rating: {"min": 0 or 1, "max": <= 10, "low_label": str, "high_label": str} (e.g. 1-5 "Very dirty"/"Spotless")
- photo: {"min": a, "max": b} (0 <= a <= b <= 20), e.g. "Photo of the clean kitchen" {"min": 1, "max": 3}
- date: {} or {"min": "YYYY-MM-DD", "max": "YYYY-MM-DD"}; time: {}; instruction: {"body": str}
A signature at the end is "settings.signature_on_complete": true, not a step.

Conditions show a step only when C holds. C is {"step": "<id of an EARLIER step>", "op": op, "value": v}
or {"all": [C, …]} or {"any": [C, …]}. ops: eq, neq; gt, gte, lt, lte (number, rating, date);
in, not_in (value is a list); contains (multi_choice option id, text substring); answered, not_answered (no value).
After a yes/no check add a required multiline text step "Describe the problem" with "photo": {"min": 1, "max": 6}
(no photo, "photo": false, when the check is about people: staff, children, patients, a crew, anyone injured)
and condition {"when": {"step": <the boolean's id>, "op": "eq", "value": <the answer that means a problem>}}.
Write every text in the request's language: names, titles, labels, options, placeholders, Yes and No, and
the follow-up ("Problem beschreiben" in a German template, "Describa el problema" in a Spanish one).

Ids match ^[gso]-[A-Za-z0-9_-]{1,64}$ (g- sections, s- steps, o- options) and are unique in the template.
Group steps into titled sections the way the request groups them; write labels a person would write."""

EXAMPLE_INTRO = (
    "\n\nThis library template is for the same kind of work ({name!r}). Start from it: keep its checks, "
    "add everything the request asks for, and name the template as the request does.\n"
)

REPAIR_INTRO = (
    "That JSON is not a valid TDL template. Fix every problem listed below (path: problem) and "
    "answer with the complete corrected JSON object only."
)


@dataclass(frozen=True)
class LlmConfig:
    """Where the chat completions API lives. `timeout_s` bounds the whole exchange, repair included."""

    base_url: str
    model: str
    api_key: str | None = None
    timeout_s: float = 30.0


class LlmFailure(Exception):
    """The LLM gave no usable template; `notes` say why, for the result's `notes`."""

    def __init__(self, notes: list[str]) -> None:
        super().__init__("; ".join(notes))
        self.notes = notes


def system_prompt(example: tuple[str, dict[str, Any]] | None = None) -> str:
    """The instructions, with the library template for the prompt's kind of work as the example."""
    if example is None:
        return SYSTEM_PROMPT
    name, template = example
    return (
        SYSTEM_PROMPT
        + EXAMPLE_INTRO.format(name=name)
        + json.dumps(template, ensure_ascii=False, separators=(",", ":"))
    )


async def generate_with_llm(
    prompt: str,
    cfg: LlmConfig,
    client: httpx.AsyncClient,
    *,
    example: tuple[str, dict[str, Any]] | None = None,
) -> tuple[dict[str, Any], str]:
    """(normalized template, "llm" | "llm_repaired"), or LlmFailure / TimeoutError / httpx.HTTPError.
    `example` is (name, TDL) of the library template to start from."""
    loop = asyncio.get_running_loop()
    deadline = loop.time() + cfg.timeout_s
    async with asyncio.timeout_at(deadline):
        messages = [
            {"role": "system", "content": system_prompt(example)},
            {"role": "user", "content": prompt},
        ]
        content = await _chat(client, cfg, messages, deadline)
        template, details = check_answer(content)
        if template is not None:
            return template, "llm"
        messages += [
            {"role": "assistant", "content": content},
            {"role": "user", "content": repair_message(details)},
        ]
        content = await _chat(client, cfg, messages, deadline)
        template, again = check_answer(content)
        if template is not None:
            return template, "llm_repaired"
    raise LlmFailure(
        [
            f"LLM answer invalid: {_summary(details)}",
            f"LLM answer still invalid after one repair: {_summary(again)}",
        ]
    )


async def _chat(
    client: httpx.AsyncClient, cfg: LlmConfig, messages: list[dict[str, str]], deadline: float
) -> str:
    """One chat completion; the message content as text."""
    remaining = max(0.001, deadline - asyncio.get_running_loop().time())
    headers = {"Authorization": f"Bearer {cfg.api_key}"} if cfg.api_key else {}
    body = {
        "model": cfg.model,
        "messages": messages,
        "temperature": 0,
        "response_format": {"type": "json_object"},
    }
    response = await client.post(
        f"{cfg.base_url.rstrip('/')}/chat/completions", json=body, headers=headers, timeout=remaining
    )
    if not response.is_success:
        raise LlmFailure([f"LLM answered HTTP {response.status_code}"])
    try:
        content = response.json()["choices"][0]["message"]["content"]
    except RecursionError:  # a body nested deeper than the decoder's stack: garbage like any other
        raise LlmFailure(["LLM response is nested too deeply to read"]) from None
    except (ValueError, KeyError, IndexError, TypeError):
        raise LlmFailure(["LLM response is not a chat completion"]) from None
    if isinstance(content, list):  # some servers send content parts
        content = "".join(part.get("text", "") for part in content if isinstance(part, dict))
    if not isinstance(content, str):
        raise LlmFailure(["LLM response has no text content"])
    return content


def check_answer(content: str) -> tuple[dict[str, Any] | None, list[dict[str, str]]]:
    """(normalized template, []) when `content` holds a valid template, else (None, the problems)."""
    data = extract_json(content)
    if data is None:
        return None, [{"path": "", "message": "the answer must be one JSON object and nothing else"}]
    if set(data) == {"template"} and isinstance(data["template"], dict):
        data = data["template"]
    data = {k: v for k, v in data.items() if k not in SERVER_FIELDS}
    try:
        template = validate_template(data)
        normalized = normalize_template(template)
    except TdlError as exc:
        return None, list(exc.details)
    except RecursionError:  # a few hundred levels decode, yet overflow the validator's stack
        return None, [{"path": "", "message": TOO_DEEP}]
    normalized.pop("id", None)
    return normalized, []


def extract_json(text: str) -> dict[str, Any] | None:
    """The first JSON object in `text`, tolerating ```json fences and prose around it; None when there is
    none, or when it nests deeper than the decoder's stack (every later start is inside the same nest)."""
    fenced = re.search(r"```(?:json|JSON)?\s*(.*?)```", text, re.DOTALL)
    candidates = [fenced.group(1)] if fenced else []
    candidates.append(text)
    decoder = json.JSONDecoder()
    for candidate in candidates:
        for match in re.finditer(r"\{", candidate):
            try:
                value, _ = decoder.raw_decode(candidate, match.start())
            except RecursionError:
                return None
            except ValueError:
                continue
            if isinstance(value, dict):
                return value
    return None


def repair_message(details: list[dict[str, str]]) -> str:
    lines = [
        f"- {d.get('path') or '(template)'}: {d.get('message', '')}" for d in details[:MAX_REPAIR_DETAILS]
    ]
    if len(details) > MAX_REPAIR_DETAILS:
        lines.append(f"- … and {len(details) - MAX_REPAIR_DETAILS} more")
    return REPAIR_INTRO + "\n" + "\n".join(lines)


def _summary(details: list[dict[str, str]]) -> str:
    first = details[0] if details else {"path": "", "message": "unknown problem"}
    more = f" (+{len(details) - 1} more)" if len(details) > 1 else ""
    return f"{first.get('path') or '(template)'}: {first.get('message')}{more}"
