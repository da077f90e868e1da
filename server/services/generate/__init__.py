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
from .obvious_flags import with_obvious_flags
from .offline import OfflineResult, build_offline, generate_offline

__all__ = [
    "MAX_PROMPT_CHARS",
    "GenerationResult",
    "LlmConfig",
    "OfflineResult",
    "Source",
    "build_offline",
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
    """The template and where it came from; `notes` say why the LLM's answer was not used.

    `library` is the slug and `library_name` the name of the library template the offline generator
    started from (or that the LLM was shown as its example); `added` counts the prompt's items the
    offline generator added to it (or built from, without a library match), `covered` those a step of it
    asked already; `model` names the LLM that made it."""

    template: dict[str, Any]
    source: Source
    notes: list[str] = field(default_factory=list)
    library: str | None = None
    library_name: str | None = None
    added: int = 0
    covered: int = 0
    model: str | None = None


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
    return _checked(build_offline(prompt).template)


def _checked(template: dict[str, Any]) -> dict[str, Any]:
    """Validated and normalized, with the findings its wording makes obvious (SPEC §14): a step the
    generator, the library or the LLM already flagged keeps its flag."""
    checked = normalize_template(validate_template(with_obvious_flags(template)))
    checked.pop("id", None)
    return checked


def _offline_result(built: OfflineResult, source: Source, notes: list[str] | None = None) -> GenerationResult:
    library = built.library
    return GenerationResult(
        _checked(built.template),
        source,
        notes or [],
        library=library.slug if library else None,
        library_name=library.name if library else None,
        added=built.added,
        covered=built.covered,
    )


async def generate_template(
    prompt: str, llm: LlmConfig | None = None, *, client: httpx.AsyncClient | None = None
) -> GenerationResult:
    """Generate with the LLM when one is configured (shown the library template for the prompt's kind of
    work as its example), else (or when it fails) offline."""
    built = build_offline(prompt)
    if llm is None:
        return _offline_result(built, "offline")
    example = built.library
    own_client = client is None
    http = client if client is not None else httpx.AsyncClient()
    try:
        template, source = await generate_with_llm(
            prompt, llm, http, example=(example.name, example.untranslated()) if example else None
        )
        return GenerationResult(
            _checked(template),
            "llm_repaired" if source == "llm_repaired" else "llm",
            library=example.slug if example else None,
            library_name=example.name if example else None,
            model=llm.model,
        )
    except LlmFailure as exc:
        notes = exc.notes
    except RecursionError:  # whatever in the answer overflowed the stack: the answer is unusable, not a 500
        notes = ["LLM answer is nested too deeply to read"]
    except (TimeoutError, httpx.TimeoutException):
        notes = [f"LLM gave no valid answer within {llm.timeout_s:g} s"]
    except httpx.HTTPError as exc:
        notes = [f"LLM unreachable: {type(exc).__name__}: {exc}".rstrip(": ")]
    finally:
        if own_client:
            await http.aclose()
    return _offline_result(built, "fallback", notes)
