"""How much of what a prompt asked for a generated template holds: shared by the tests and the bench."""

from __future__ import annotations

from typing import Any

from server.services.generate.library_match import normalize


def main_steps(template: dict[str, Any]) -> list[dict[str, Any]]:
    """The steps a person answers first-hand (no conditional follow-ups)."""
    return [s for sec in template["sections"] for s in sec["steps"] if not s.get("condition")]


def has_step(template: dict[str, Any], expectation: str) -> bool:
    """Whether a step's label holds every word of "words" (plurals and case aside), of the type after "="."""
    words, _, type_ = (part.strip() for part in expectation.partition("="))
    wanted = normalize(words)
    for step in main_steps(template):
        label = set(normalize(step["label"]))
        if all(w in label for w in wanted) and (not type_ or step["type"] == type_):
            return True
    return False


def coverage(template: dict[str, Any], expected: tuple[str, ...]) -> tuple[float, list[str]]:
    """(share of the expected steps present, the ones missing)."""
    missing = [e for e in expected if not has_step(template, e)]
    return (1.0 - len(missing) / len(expected)) if expected else 1.0, missing
