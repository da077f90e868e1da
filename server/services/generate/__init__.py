"""Template generation from a natural-language prompt (`POST /v1/templates/generate`).

The offline generator is always there and deterministic; an OpenAI-compatible LLM may be configured
in front of it. Whatever produced it, the template returned has passed `server.tdl.validate_template`
and is normalized, without `id`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

import httpx

from server.tdl import normalize_template, validate_template

from .llm import LlmConfig, LlmFailure, extract_json, generate_with_llm
from .offline import generate_offline

__all__ = [
    "MAX_PROMPT_CHARS",
    "GenerationResult",
    "LlmConfig",
    "Source",
    "extract_json",
    "generate_offline",
    "generate_template",
    "offline_template",
    "validate_prompt",
]

MAX_PROMPT_CHARS = 4000

Source = Literal["offline", "llm", "llm_repaired", "fallback"]


@dataclass
class GenerationResult:
    """The template and where it came from; `notes` say why the LLM's answer was not used."""

    template: dict[str, Any]
    source: Source
    notes: list[str] = field(default_factory=list)


def validate_prompt(prompt: object) -> str | None:
    """Why `prompt` cannot be generated from (for a 400), or None when it can."""
    if not isinstance(prompt, str):
        return "prompt must be a string"
    if not prompt.strip():
        return "prompt must not be empty"
    if len(prompt) > MAX_PROMPT_CHARS:
        return f"prompt must be at most {MAX_PROMPT_CHARS:,} characters (it has {len(prompt):,})"
    return None


def offline_template(prompt: str) -> dict[str, Any]:
    """The offline generator's template, validated and normalized like every other result."""
    template = normalize_template(validate_template(generate_offline(prompt)))
    template.pop("id", None)
    return template


async def generate_template(
    prompt: str, llm: LlmConfig | None = None, *, client: httpx.AsyncClient | None = None
) -> GenerationResult:
    """Generate with the LLM when one is configured, else (or when it fails) offline."""
    if llm is None:
        return GenerationResult(offline_template(prompt), "offline")
    own_client = client is None
    http = client if client is not None else httpx.AsyncClient()
    try:
        template, source = await generate_with_llm(prompt, llm, http)
        return GenerationResult(template, "llm_repaired" if source == "llm_repaired" else "llm")
    except LlmFailure as exc:
        notes = exc.notes
    except (TimeoutError, httpx.TimeoutException):
        notes = [f"LLM gave no valid answer within {llm.timeout_s:g} s"]
    except httpx.HTTPError as exc:
        notes = [f"LLM unreachable: {type(exc).__name__}: {exc}".rstrip(": ")]
    finally:
        if own_client:
            await http.aclose()
    return GenerationResult(offline_template(prompt), "fallback", notes)
