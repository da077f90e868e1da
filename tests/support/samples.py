"""The reference templates (shipped under resources/templates) as fresh dicts."""

from __future__ import annotations

import copy
import json
from functools import cache
from pathlib import Path

TEMPLATES_DIR = Path(__file__).resolve().parents[2] / "resources" / "templates"


@cache
def _load(name: str) -> dict:
    return json.loads((TEMPLATES_DIR / f"{name}.json").read_text())


def str_turnover() -> dict:
    return copy.deepcopy(_load("str-turnover"))


def vehicle_inspection() -> dict:
    return copy.deepcopy(_load("vehicle-pre-rental"))


def minimal(name: str = "Quick check", **settings) -> dict:
    return {
        "name": name,
        "settings": settings,
        "sections": [
            {"id": "g-1", "title": "Main", "steps": [{"id": "s-1", "type": "boolean", "label": "All good?"}]}
        ],
    }


def mixed_condition() -> dict:
    """A `when` on `vehicle_inspection()`'s steps with a number, a list, an answered test and both groups."""
    return {
        "any": [
            {"step": "s-od01", "op": "gt", "value": 100000},
            {
                "all": [
                    {"step": "s-fu01", "op": "not_in", "value": ["o-fu1", "o-fu2"]},
                    {"step": "s-cl01", "op": "not_answered"},
                ]
            },
        ]
    }
