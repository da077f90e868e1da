"""What `POST /v1/templates/generate` says in its headers about how it made the template (issue 18)."""

from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:  # the generator itself loads on the first generate request, not at the server's start
    from server.services.generate import GenerationResult

GENERATOR_HEADERS = {
    "Rundun-Generator": {
        "description": "Which path made it: `offline`, `llm`, `llm_repaired` (after one repair round) or "
        "`fallback` (offline, because the configured LLM failed)",
        "schema": {"type": "string", "enum": ["offline", "llm", "llm_repaired", "fallback"]},
    },
    "Rundun-Library-Template": {
        "description": "The slug of the library template it started from (offline) or that the LLM was given "
        "as its example; `none` when no library template matched the prompt",
        "schema": {"type": "string"},
    },
    "Rundun-Library-Name": {
        "description": "That library template's name, percent-encoded (UTF-8); absent with `none`",
        "schema": {"type": "string"},
    },
    "Rundun-Prompt-Items": {
        "description": "Offline: how many of the prompt's items were added to the library template (or, "
        "without a library match, made the template)",
        "schema": {"type": "integer"},
    },
    "Rundun-Prompt-Items-Covered": {
        "description": "Offline: how many of the prompt's items a step of the library template asked already "
        "(in the item's words; it took their units and photos)",
        "schema": {"type": "integer"},
    },
    "Rundun-Generator-Model": {
        "description": "The LLM's model name, when an LLM made it",
        "schema": {"type": "string"},
    },
}


def generator_headers(result: GenerationResult) -> dict[str, str]:
    headers = {"Rundun-Generator": result.source, "Rundun-Library-Template": result.library or "none"}
    if result.library_name:
        headers["Rundun-Library-Name"] = quote(result.library_name, safe=" /-(),'")
    if result.model:
        headers["Rundun-Generator-Model"] = quote(result.model, safe=" /-:._")
    else:
        headers["Rundun-Prompt-Items"] = str(result.added)
        headers["Rundun-Prompt-Items-Covered"] = str(result.covered)
    return headers
